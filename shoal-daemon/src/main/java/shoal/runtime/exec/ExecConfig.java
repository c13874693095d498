package shoal.runtime.exec;

import java.util.List;

/** What {@code POST /containers/{id}/exec} asks for. */
public record ExecConfig(
    List<String> cmd,
    List<String> env,
    String user,
    String workingDir,
    boolean tty,
    boolean attachStdin,
    boolean attachStdout,
    boolean attachStderr,
    boolean privileged,
    String detachKeys,
    int consoleHeight,
    int consoleWidth) {

  public ExecConfig {
    cmd = cmd == null ? List.of() : List.copyOf(cmd);
    env = env == null ? List.of() : List.copyOf(env);
    user = user == null ? "" : user;
    workingDir = workingDir == null ? "" : workingDir;
    detachKeys = detachKeys == null ? "" : detachKeys;
  }
}
