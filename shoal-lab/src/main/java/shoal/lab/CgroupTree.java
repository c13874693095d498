package shoal.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cgroup directories of one lab host's containers: its daemon runs with
 * {@code --cgroup-parent /<host's netns name>}, so runc puts every container under that name in
 * every hierarchy. Killing a host kills runc before it can remove them; this removes what is left.
 */
final class CgroupTree {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  private CgroupTree() {}

  /** The {@code --cgroup-parent} a host's daemon gets. */
  static String parentFor(String hostNetns) {
    return "/" + hostNetns;
  }

  /** Removes the (empty) cgroup directories named {@code hostNetns} in every hierarchy, deepest first. */
  static void remove(String hostNetns) {
    for (Path top : tops(hostNetns)) {
      try (Stream<Path> all = Files.walk(top)) {
        for (Path dir : all.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
          try {
            Files.deleteIfExists(dir);
          } catch (IOException stillInUse) {
            // A process still in it (it dies with its host a moment later); the next down retries.
          }
        }
      } catch (IOException e) {
        // The hierarchy vanished meanwhile: nothing to remove.
      }
    }
  }

  private static List<Path> tops(String name) {
    if (!Files.isDirectory(ROOT)) {
      return List.of();
    }
    Path v2 = ROOT.resolve(name);
    if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
      return Files.isDirectory(v2) ? List.of(v2) : List.of();
    }
    try (Stream<Path> controllers = Files.list(ROOT)) {
      return controllers.map(c -> c.resolve(name)).filter(Files::isDirectory).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
