package shoal.manager.store.objects;

import java.util.List;
import java.util.Map;

/**
 * What each task of a service runs (Docker's {@code TaskSpec}). Every task keeps its own copy, so
 * a task made before a `service update` still says what it runs; a task whose copy differs from
 * its service's template is out of date and the updater replaces it.
 *
 * @param containerSpec the container each task runs
 * @param restartPolicy when a task that ended is replaced (its slot is restarted)
 * @param placement which nodes may run the tasks
 * @param networks the swarm networks the tasks attach to (issue 6)
 * @param forceUpdate a counter: raising it (`service update --force`) makes every task out of date
 *     with no other change
 */
public record TaskTemplate(
    ContainerSpec containerSpec, RestartPolicy restartPolicy, Placement placement,
    List<NetworkAttachmentConfig> networks, long forceUpdate) {
  public TaskTemplate {
    containerSpec = containerSpec == null ? ContainerSpec.of("") : containerSpec;
    restartPolicy = restartPolicy == null ? RestartPolicy.defaults() : restartPolicy;
    placement = placement == null ? Placement.none() : placement;
    networks = Labels.copy(networks);
  }

  /** A template with Docker's default restart policy, no constraint and no network. */
  public static TaskTemplate of(ContainerSpec containerSpec) {
    return new TaskTemplate(containerSpec, null, null, null, 0);
  }

  public TaskTemplate withContainerSpec(ContainerSpec containerSpec) {
    return new TaskTemplate(containerSpec, restartPolicy, placement, networks, forceUpdate);
  }

  public TaskTemplate withRestartPolicy(RestartPolicy restartPolicy) {
    return new TaskTemplate(containerSpec, restartPolicy, placement, networks, forceUpdate);
  }

  public TaskTemplate withPlacement(Placement placement) {
    return new TaskTemplate(containerSpec, restartPolicy, placement, networks, forceUpdate);
  }

  public TaskTemplate withNetworks(List<NetworkAttachmentConfig> networks) {
    return new TaskTemplate(containerSpec, restartPolicy, placement, networks, forceUpdate);
  }

  public TaskTemplate withForceUpdate(long forceUpdate) {
    return new TaskTemplate(containerSpec, restartPolicy, placement, networks, forceUpdate);
  }

  /**
   * A network a service's tasks attach to (`--network name,alias=…`).
   *
   * @param target the network's ID or name, as the user gave it
   * @param aliases extra DNS names of the service on that network
   * @param driverOpts options for the network driver
   */
  public record NetworkAttachmentConfig(
      String target, List<String> aliases, Map<String, String> driverOpts) {
    public NetworkAttachmentConfig {
      target = target == null ? "" : target;
      aliases = Labels.copy(aliases);
      driverOpts = Labels.copy(driverOpts);
    }
  }
}
