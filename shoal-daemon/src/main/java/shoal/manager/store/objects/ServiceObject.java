package shoal.manager.store.objects;

import java.time.Instant;
import java.util.List;

/**
 * A swarm service: what the user asked for and where its rollout stands. Its tasks are {@link
 * TaskObject}s that point back to it by ID.
 *
 * <pre>{@code
 * var spec = ServiceSpec.of("web", TaskTemplate.of(ContainerSpec.of("busybox")
 *         .withArgs(List.of("sleep", "1d"))))
 *     .withMode(ServiceSpec.Mode.replicated(3));
 * tx.services().create(ServiceObject.of(Ids.newId(), spec));
 * // later, `service update --image busybox:1.36`:
 * tx.services().update(service.updatedTo(service.spec().withTaskTemplate(…)));
 * }</pre>
 *
 * @param spec what the user asks for now
 * @param previousSpec the spec before the last update (what a rollback goes back to), or null
 * @param updateStatus where the last update or rollback stands, or null if none ran since the spec
 *     last changed
 * @param endpoint the service's virtual IPs and published ports as allocated (issue 6)
 */
public record ServiceObject(
    String id, Meta meta, ServiceSpec spec, ServiceSpec previousSpec, UpdateStatus updateStatus,
    Endpoint endpoint)
    implements StoreObject {
  public ServiceObject {
    meta = Meta.orNone(meta);
    spec = spec == null ? ServiceSpec.of("", null) : spec;
    endpoint = endpoint == null ? Endpoint.NONE : endpoint;
  }

  /** A new service (not yet stored). */
  public static ServiceObject of(String id, ServiceSpec spec) {
    return new ServiceObject(id, null, spec, null, null, null);
  }

  @Override
  public ServiceObject withMeta(Meta meta) {
    return new ServiceObject(id, meta, spec, previousSpec, updateStatus, endpoint);
  }

  public ServiceObject withSpec(ServiceSpec spec) {
    return new ServiceObject(id, meta, spec, previousSpec, updateStatus, endpoint);
  }

  public ServiceObject withPreviousSpec(ServiceSpec previousSpec) {
    return new ServiceObject(id, meta, spec, previousSpec, updateStatus, endpoint);
  }

  public ServiceObject withUpdateStatus(UpdateStatus updateStatus) {
    return new ServiceObject(id, meta, spec, previousSpec, updateStatus, endpoint);
  }

  public ServiceObject withEndpoint(Endpoint endpoint) {
    return new ServiceObject(id, meta, spec, previousSpec, updateStatus, endpoint);
  }

  /**
   * `service update`: the new spec, the current one kept as the previous, the update status
   * cleared (the updater sets it when it starts rolling out), as Docker does.
   */
  public ServiceObject updatedTo(ServiceSpec newSpec) {
    return new ServiceObject(id, meta, newSpec, spec, null, endpoint);
  }

  /**
   * `service update --rollback` (`?rollback=previous`): the previous spec becomes the spec and the
   * current one the previous; the status says a rollback started, which the updater rolls out
   * with the rollback config. The caller checks {@link #previousSpec} first: Docker answers
   * "service ID does not have a previous spec" when there is none.
   *
   * @throws IllegalStateException if there is no previous spec
   */
  public ServiceObject rolledBack(Instant now) {
    if (previousSpec == null) {
      throw new IllegalStateException("service " + id + " does not have a previous spec");
    }
    return new ServiceObject(id, meta, previousSpec, spec,
        new UpdateStatus(UpdateState.ROLLBACK_STARTED, now, null, "manually requested rollback"),
        endpoint);
  }

  @Override
  public String uniqueName() {
    return spec.name().isEmpty() ? null : spec.name();
  }

  /** Where an update or rollback stands, with Docker's API names in lower case. */
  public enum UpdateState {
    /** The updater is replacing out-of-date tasks with the new spec. */
    UPDATING,
    /** The update stopped after too many failures (failure action pause); `service update` resumes. */
    PAUSED,
    /** Every task runs the new spec. */
    COMPLETED,
    /** Going back to the previous spec: by request, or failure action rollback. */
    ROLLBACK_STARTED,
    /** The rollback itself failed too often and stopped. */
    ROLLBACK_PAUSED,
    /** Every task runs the previous spec again. */
    ROLLBACK_COMPLETED
  }

  /**
   * @param startedAt when the update or rollback started
   * @param completedAt when it completed, or null while it runs or is paused
   * @param message Docker's words: "update in progress", "update completed", "update paused due to
   *     failure or early termination of task …", "rollback completed", …
   */
  public record UpdateStatus(
      UpdateState state, Instant startedAt, Instant completedAt, String message) {
    public UpdateStatus {
      state = state == null ? UpdateState.UPDATING : state;
      message = message == null ? "" : message;
    }
  }

  /**
   * What the allocator gave the service (issue 6).
   *
   * @param spec the endpoint spec it was allocated for
   * @param ports the published ports, with the ports the swarm picked filled in
   * @param virtualIps one address per network the service is on
   */
  public record Endpoint(
      EndpointSpec spec, List<EndpointSpec.PortConfig> ports, List<VirtualIp> virtualIps) {
    public static final Endpoint NONE = new Endpoint(null, null, null);

    public Endpoint {
      spec = spec == null ? EndpointSpec.defaults() : spec;
      ports = Labels.copy(ports);
      virtualIps = Labels.copy(virtualIps);
    }
  }

  /** @param addr the address with its prefix length ("10.0.0.2/24") */
  public record VirtualIp(String networkId, String addr) {}
}
