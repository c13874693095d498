package shoal.manager.store.objects;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The container a task runs (Docker's {@code ContainerSpec}). Empty strings and lists mean "not
 * set": the image's own value applies, as with `docker run`.
 *
 * @param image the image reference as given (`busybox`, `busybox:1.36`, `…@sha256:…`)
 * @param labels the container's labels (`--container-label`), besides Docker's swarm labels
 * @param command replaces the image's entrypoint (Docker's {@code Command})
 * @param args replaces the image's cmd (Docker's {@code Args}; what follows the image on the CLI)
 * @param hostname the container's hostname, or empty for its ID's first 12 characters
 * @param env {@code KEY=value} entries, added to the image's
 * @param dir the working directory
 * @param user the user (`name`, `uid`, `uid:gid`)
 * @param tty whether the container gets a terminal
 * @param openStdin whether stdin stays open
 * @param stopSignal the signal that stops the container, or empty for the image's (SIGTERM)
 * @param stopGracePeriod how long a stop waits after the signal before it kills; null means not
 *     set ({@link #DEFAULT_STOP_GRACE_PERIOD} applies). Nanoseconds at the Engine API.
 */
public record ContainerSpec(
    String image, Map<String, String> labels, List<String> command, List<String> args,
    String hostname, List<String> env, String dir, String user, boolean tty, boolean openStdin,
    String stopSignal, Duration stopGracePeriod) {
  /** Docker's grace period when the spec sets none. */
  public static final Duration DEFAULT_STOP_GRACE_PERIOD = Duration.ofSeconds(10);

  public ContainerSpec {
    image = image == null ? "" : image;
    labels = Labels.copy(labels);
    command = Labels.copy(command);
    args = Labels.copy(args);
    hostname = hostname == null ? "" : hostname;
    env = Labels.copy(env);
    dir = dir == null ? "" : dir;
    user = user == null ? "" : user;
    stopSignal = stopSignal == null ? "" : stopSignal;
  }

  /** The image with nothing else set. */
  public static ContainerSpec of(String image) {
    return new ContainerSpec(image, null, null, null, null, null, null, null, false, false, null,
        null);
  }

  /** The grace period a stop uses: the spec's, or Docker's default. */
  public Duration effectiveStopGracePeriod() {
    return stopGracePeriod == null ? DEFAULT_STOP_GRACE_PERIOD : stopGracePeriod;
  }

  public ContainerSpec withImage(String image) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }

  public ContainerSpec withLabels(Map<String, String> labels) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }

  public ContainerSpec withCommand(List<String> command) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }

  public ContainerSpec withArgs(List<String> args) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }

  public ContainerSpec withHostname(String hostname) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }

  public ContainerSpec withEnv(List<String> env) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }

  public ContainerSpec withDir(String dir) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }

  public ContainerSpec withUser(String user) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }

  public ContainerSpec withTty(boolean tty) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }

  public ContainerSpec withOpenStdin(boolean openStdin) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }

  public ContainerSpec withStopSignal(String stopSignal) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }

  public ContainerSpec withStopGracePeriod(Duration stopGracePeriod) {
    return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, tty,
        openStdin, stopSignal, stopGracePeriod);
  }
}
