package shoal.runtime.image;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an image says about the containers made from it (the {@code config} object of its config
 * blob). Absent values are empty, never null.
 *
 * @param env {@code KEY=value} entries
 * @param cmd the default command (empty: none)
 * @param entrypoint the entrypoint (empty: none)
 * @param workingDir "" when unset
 * @param user "" when unset (root)
 * @param exposedPorts "80/tcp" style
 * @param stopSignal "" when unset (SIGTERM)
 * @param volumes paths that Docker would make anonymous volumes of
 */
public record ImageConfig(
    List<String> env,
    List<String> cmd,
    List<String> entrypoint,
    String workingDir,
    String user,
    Map<String, String> labels,
    Set<String> exposedPorts,
    String stopSignal,
    Set<String> volumes) {

  public ImageConfig {
    env = List.copyOf(env);
    cmd = List.copyOf(cmd);
    entrypoint = List.copyOf(entrypoint);
    labels = Map.copyOf(labels);
    exposedPorts = Set.copyOf(exposedPorts);
    volumes = Set.copyOf(volumes);
  }
}
