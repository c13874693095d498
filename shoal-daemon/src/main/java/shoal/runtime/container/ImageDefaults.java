package shoal.runtime.container;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an image's config contributes to a container's: the values Docker merges at create time. */
public record ImageDefaults(
    List<String> env,
    List<String> cmd,
    List<String> entrypoint,
    String workingDir,
    String user,
    Map<String, String> labels,
    Set<String> exposedPorts,
    String stopSignal) {

  public ImageDefaults {
    env = env == null ? List.of() : List.copyOf(env);
    cmd = cmd == null ? null : List.copyOf(cmd);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    workingDir = workingDir == null ? "" : workingDir;
    user = user == null ? "" : user;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    exposedPorts = exposedPorts == null ? Set.of() : Set.copyOf(exposedPorts);
    stopSignal = stopSignal == null ? "" : stopSignal;
  }
}
