package shoal.runtime.oci;

import java.util.List;

/**
 * The process runc starts in the container (its init, or an exec), already resolved: the argv,
 * the full environment, the numeric user.
 *
 * @param additionalGids supplementary groups from the image's /etc/group
 * @param capabilities capability names such as {@code CAP_CHOWN}
 * @param consoleHeight the terminal's rows when the process starts; 0: unknown
 * @param consoleWidth the terminal's columns when the process starts; 0: unknown
 */
public record ProcessSpec(
    List<String> args,
    List<String> env,
    String cwd,
    int uid,
    int gid,
    List<Integer> additionalGids,
    boolean terminal,
    List<String> capabilities,
    int consoleHeight,
    int consoleWidth) {

  public ProcessSpec {
    args = List.copyOf(args);
    env = List.copyOf(env);
    additionalGids = List.copyOf(additionalGids);
    capabilities = List.copyOf(capabilities);
  }

  /** A process whose terminal size is not known yet. */
  public ProcessSpec(List<String> args, List<String> env, String cwd, int uid, int gid,
      List<Integer> additionalGids, boolean terminal, List<String> capabilities) {
    this(args, env, cwd, uid, gid, additionalGids, terminal, capabilities, 0, 0);
  }

  /**
   * The same process starting on a terminal of that size. runc sizes the container's console
   * before the process runs; a resize sent after start would race the process's first look at it.
   */
  public ProcessSpec withConsoleSize(int height, int width) {
    return new ProcessSpec(args, env, cwd, uid, gid, additionalGids, terminal, capabilities, height, width);
  }
}
