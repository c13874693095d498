package shoal.runtime.exec;

import java.util.Map;
import shoal.runtime.oci.ProcessSpec;

/**
 * The running container an exec runs in, and the exact process it runs: the container's
 * environment and user with the exec's own on top, resolved by the container side.
 */
public record ExecTarget(String containerId, String containerName, String image, Map<String, String> labels,
    ProcessSpec process) {

  public ExecTarget {
    labels = Map.copyOf(labels);
  }
}
