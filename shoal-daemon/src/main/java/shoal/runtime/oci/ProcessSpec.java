package shoal.runtime.oci;

import java.util.List;

/**
 * The process runc starts in the container (its init, or an exec), already resolved: the argv,
 * the full environment, the numeric user.
 *
 * @param additionalGids supplementary groups from the image's /etc/group
 * @param capabilities capability names such as {@code CAP_CHOWN}
 */
public record ProcessSpec(
    List<String> args,
    List<String> env,
    String cwd,
    int uid,
    int gid,
    List<Integer> additionalGids,
    boolean terminal,
    List<String> capabilities) {

  public ProcessSpec {
    args = List.copyOf(args);
    env = List.copyOf(env);
    additionalGids = List.copyOf(additionalGids);
    capabilities = List.copyOf(capabilities);
  }
}
