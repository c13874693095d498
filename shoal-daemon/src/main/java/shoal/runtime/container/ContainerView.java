package shoal.runtime.container;

import java.nio.file.Path;
import java.util.List;

/**
 * A container as inspect and list show it: its record plus what the daemon knows besides.
 *
 * @param sizeRw bytes changed in its writable layer; null unless asked for
 * @param sizeRootFs sizeRw plus its image's; null unless asked for
 */
public record ContainerView(
    ContainerRecord record,
    List<String> execIds,
    Path logPath,
    Path resolvConfPath,
    Path hostnamePath,
    Path hostsPath,
    Path upperDir,
    Path workDir,
    Path mergedDir,
    List<Path> lowerDirs,
    Long sizeRw,
    Long sizeRootFs) {

  public ContainerView {
    execIds = List.copyOf(execIds);
    lowerDirs = List.copyOf(lowerDirs);
  }
}
