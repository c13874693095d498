package shoal.manager.store.objects;

import java.util.List;

/**
 * How a service is reached (issue 6 acts on it).
 *
 * @param mode a virtual IP in front of the tasks, or DNS answering with the tasks' addresses
 * @param ports ports published on the swarm's nodes
 */
public record EndpointSpec(Mode mode, List<PortConfig> ports) {
  public enum Mode { VIP, DNSRR }

  public enum Protocol { TCP, UDP, SCTP }

  public enum PublishMode {
    /** Every node takes the port and forwards to any task (the routing mesh). */
    INGRESS,
    /** Only nodes running a task take the port, for that task. */
    HOST
  }

  public EndpointSpec {
    mode = mode == null ? Mode.VIP : mode;
    ports = Labels.copy(ports);
  }

  public static EndpointSpec defaults() {
    return new EndpointSpec(Mode.VIP, List.of());
  }

  /**
   * A published port (`-p 8080:80/tcp`).
   *
   * @param name an optional name
   * @param targetPort the port inside the tasks' containers
   * @param publishedPort the port on the nodes; 0 when the swarm picks one (30000–32767)
   */
  public record PortConfig(
      String name, Protocol protocol, int targetPort, int publishedPort, PublishMode publishMode) {
    public PortConfig {
      name = name == null ? "" : name;
      protocol = protocol == null ? Protocol.TCP : protocol;
      publishMode = publishMode == null ? PublishMode.INGRESS : publishMode;
    }
  }
}
