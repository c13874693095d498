package shoal.runtime.container;

import java.nio.file.Path;
import java.util.List;
import shoal.runtime.exec.ExecConfig;
import shoal.runtime.exec.ExecTarget;
import shoal.runtime.oci.ProcessSpec;

/** What an exec in a running container runs as. */
final class ExecTargets {
  private ExecTargets() {}

  /** The process an exec runs: the container's environment and user, with the exec's on top. */
  static ExecTarget resolve(Container c, RuntimePaths paths, ExecConfig config) {
    ContainerRecord r = c.record();
    Path rootfs = paths.merged(r.id());
    String userSpec = config.user().isEmpty() ? r.config().user() : config.user();
    UserResolver.ExecUser user = UserResolver.resolve(userSpec,
        Bundle.readOptional(rootfs.resolve("etc/passwd")), Bundle.readOptional(rootfs.resolve("etc/group")));
    List<String> env = ConfigMerge.replaceOrAppend(
        ProcessResolver.environment(r.config().env(), r.config().hostname(), config.tty(), user.home()), config.env());
    String cwd = !config.workingDir().isEmpty() ? config.workingDir()
        : !r.config().workingDir().isEmpty() ? r.config().workingDir() : "/";
    List<String> caps = config.privileged()
        ? ProcessResolver.capabilities(List.of("ALL"), List.of())
        : ProcessResolver.capabilities(r.host().capAdd(), r.host().capDrop());
    ProcessSpec p = new ProcessSpec(config.cmd(), env, cwd, user.uid(), user.gid(), user.additionalGids(),
        config.tty(), caps);
    return new ExecTarget(r.id(), r.name(), r.imageRef(), r.config().labels(), p);
  }

}
