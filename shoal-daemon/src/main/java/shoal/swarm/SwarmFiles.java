package shoal.swarm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import shoal.cluster.IdentityStore;

/**
 * Where a node keeps its swarm state under the data root: {@code swarm/certificates} (identity),
 * {@code swarm/raft} (a manager's store), {@code swarm/state.json} (addresses, managers).
 */
record SwarmFiles(Path dataRoot) {
  Path dir() {
    return dataRoot.resolve("swarm");
  }

  Path raft() {
    return dir().resolve("raft");
  }

  IdentityStore identities() {
    return new IdentityStore(dataRoot);
  }

  /** Forgets the swarm: identity, store and state (leave, or the undo of a failed init or join). */
  void deleteAll() throws IOException {
    identities().delete();
    deleteTree(dir());
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(root)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
