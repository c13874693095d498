package shoal.runtime.container;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's container Config: what to run and how, after the image's defaults were merged in at
 * create time (inspect shows this merged form). Lists may be null where Docker distinguishes
 * "not given" (take the image's) from empty.
 */
public record ContainerConfig(
    String hostname,
    String domainname,
    String user,
    boolean attachStdin,
    boolean attachStdout,
    boolean attachStderr,
    Set<String> exposedPorts,
    boolean tty,
    boolean openStdin,
    boolean stdinOnce,
    List<String> env,
    List<String> cmd,
    String image,
    String workingDir,
    List<String> entrypoint,
    Map<String, String> labels,
    String stopSignal,
    Integer stopTimeout) {

  public ContainerConfig {
    hostname = hostname == null ? "" : hostname;
    domainname = domainname == null ? "" : domainname;
    user = user == null ? "" : user;
    exposedPorts = exposedPorts == null ? Set.of() : Set.copyOf(exposedPorts);
    env = env == null ? List.of() : List.copyOf(env);
    cmd = cmd == null ? null : List.copyOf(cmd);
    workingDir = workingDir == null ? "" : workingDir;
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    stopSignal = stopSignal == null ? "" : stopSignal;
  }

  public ContainerConfig withHostname(String h) {
    return new ContainerConfig(h, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
        openStdin, stdinOnce, env, cmd, image, workingDir, entrypoint, labels, stopSignal, stopTimeout);
  }

  /** The merged form: {@code env}, {@code cmd}, {@code entrypoint} and the rest as the container keeps them. */
  public ContainerConfig merged(List<String> mEnv, List<String> mCmd, List<String> mEntrypoint, String mWorkingDir,
      String mUser, Map<String, String> mLabels, Set<String> mExposed, String mStopSignal) {
    return new ContainerConfig(hostname, domainname, mUser, attachStdin, attachStdout, attachStderr, mExposed, tty,
        openStdin, stdinOnce, mEnv, mCmd, image, mWorkingDir, mEntrypoint, mLabels, mStopSignal, stopTimeout);
  }
}
