package shoal.manager.store.objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * A swarm-scoped (overlay) network: what the user asked for ({@link Spec}) and what the allocator
 * gave it ({@link Allocation}, null until then). Names are unique in the swarm. Every node that
 * instantiates the network reads the same allocation, so its subnet, gateway and VXLAN ID never
 * change once set.
 *
 * <pre>{@code
 * tx.networks().create(NetworkObject.of(Ids.newId(), spec));    // the API: not yet allocated
 * // the allocator, later:
 * tx.networks().update(n.withAllocation(new Allocation("10.0.1.0/24", "10.0.1.1", "", 4097)));
 * }</pre>
 *
 * @param allocation the subnet, gateway and VXLAN ID the allocator decided, or null before
 */
public record NetworkObject(String id, Meta meta, Spec spec, Allocation allocation)
    implements StoreObject {
  /** The driver option that asks for an encrypted data path ({@code --opt encrypted}). */
  public static final String ENCRYPTED = "encrypted";

  /** The option under which Docker shows the VXLAN ID ({@code network inspect}'s Options). */
  public static final String VXLANID_LIST = "com.docker.network.driver.overlay.vxlanid_list";

  public static final String OVERLAY = "overlay";

  public NetworkObject {
    meta = Meta.orNone(meta);
    spec = spec == null ? Spec.named("") : spec;
  }

  /** A new network, not stored and not allocated yet. */
  public static NetworkObject of(String id, Spec spec) {
    return new NetworkObject(id, null, spec, null);
  }

  @Override
  public NetworkObject withMeta(Meta meta) {
    return new NetworkObject(id, meta, spec, allocation);
  }

  public NetworkObject withSpec(Spec spec) {
    return new NetworkObject(id, meta, spec, allocation);
  }

  public NetworkObject withAllocation(Allocation allocation) {
    return new NetworkObject(id, meta, spec, allocation);
  }

  @JsonIgnore
  public boolean allocated() {
    return allocation != null;
  }

  @Override
  public String uniqueName() {
    return spec.name().isEmpty() ? null : spec.name();
  }

  /**
   * What `network create -d overlay` asks for (Docker's NetworkSpec).
   *
   * @param driver always {@value #OVERLAY} for now
   * @param options the driver options as given ({@code --opt encrypted} is {@code encrypted=""});
   *     a {@value #VXLANID_LIST} given here asks for that VXLAN ID
   * @param attachable standalone containers may join it ({@code docker run --network})
   * @param internal no egress to the outside (no docker_gwbridge leg)
   * @param ingress the routing-mesh network (at most one in the swarm)
   * @param ipam the addresses asked for; empty fields mean "the allocator picks"
   */
  public record Spec(
      String name, Map<String, String> labels, String driver, Map<String, String> options,
      boolean attachable, boolean internal, boolean ingress, Ipam ipam) {
    public Spec {
      name = name == null ? "" : name;
      labels = Labels.copy(labels);
      driver = driver == null || driver.isEmpty() ? OVERLAY : driver;
      options = Labels.copy(options);
      ipam = ipam == null ? Ipam.NONE : ipam;
    }

    /** An overlay network of that name with every default. */
    public static Spec named(String name) {
      return new Spec(name, null, null, null, false, false, false, null);
    }

    @JsonIgnore
    public boolean encrypted() {
      return options.containsKey(ENCRYPTED);
    }

    public Spec withIpam(Ipam ipam) {
      return new Spec(name, labels, driver, options, attachable, internal, ingress, ipam);
    }

    public Spec withOptions(Map<String, String> options) {
      return new Spec(name, labels, driver, options, attachable, internal, ingress, ipam);
    }

    public Spec withFlags(boolean attachable, boolean internal, boolean ingress) {
      return new Spec(name, labels, driver, options, attachable, internal, ingress, ipam);
    }
  }

  /**
   * The addresses a user asked for ({@code --subnet}, {@code --gateway}, {@code --ip-range}); each
   * empty when not given.
   */
  public record Ipam(String subnet, String gateway, String ipRange) {
    public static final Ipam NONE = new Ipam("", "", "");

    public Ipam {
      subnet = subnet == null ? "" : subnet;
      gateway = gateway == null ? "" : gateway;
      ipRange = ipRange == null ? "" : ipRange;
    }
  }

  /**
   * What the allocator gave the network; fixed for its life.
   *
   * @param subnet e.g. {@code 10.0.1.0/24}
   * @param gateway the address of the bridge in each node's sandbox, e.g. {@code 10.0.1.1}
   * @param ipRange where task and VIP addresses come from (inside the subnet); empty: the subnet
   * @param vxlanId the VXLAN network identifier (4096 for ingress, 4097 and up for the others)
   */
  public record Allocation(String subnet, String gateway, String ipRange, int vxlanId) {
    public Allocation {
      ipRange = ipRange == null ? "" : ipRange;
    }
  }
}
