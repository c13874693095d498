package shoal.swarm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * What a swarm node keeps beside its identity to come back after a restart: where it listens, the
 * address it advertises, and the managers it last knew. Stored as {@code
 * <data-root>/swarm/state.json}, written whole (temporary file, then rename).
 *
 * @param listenAddr host:port of the cluster port (managers listen there)
 * @param advertiseAddr host:port others reach this node's cluster port at
 * @param managers cluster addresses of the managers, the leader first
 */
record NodeState(String listenAddr, String advertiseAddr, List<String> managers) {
  static final String FILE = "state.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  NodeState {
    managers = managers == null ? List.of() : List.copyOf(managers);
  }

  NodeState withManagers(List<String> managers) {
    return new NodeState(listenAddr, advertiseAddr, managers);
  }

  static Optional<NodeState> load(Path swarmDir) throws IOException {
    Path f = swarmDir.resolve(FILE);
    return Files.exists(f) ? Optional.of(JSON.readValue(f.toFile(), NodeState.class)) : Optional.empty();
  }

  void save(Path swarmDir) throws IOException {
    Files.createDirectories(swarmDir);
    Path tmp = swarmDir.resolve("." + FILE + ".tmp");
    Files.write(tmp, JSON.writeValueAsBytes(this));
    Files.move(tmp, swarmDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
