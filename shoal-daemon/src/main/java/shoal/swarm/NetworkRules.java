package shoal.swarm;

import java.util.Set;
import java.util.regex.Pattern;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.NetworkObject;
import shoal.net.NetworkCreateRequest;

/**
 * What makes a `network create -d overlay` request acceptable, checked before anything is stored,
 * in Docker's words where it has some.
 */
public final class NetworkRules {
  /** The daemon's own network names, which no swarm network may take. */
  static final Set<String> PREDEFINED = Set.of("bridge", "host", "none", "default");

  /** Docker's rule for network names. */
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$");

  private NetworkRules() {}

  /** Whether the request is for a swarm network (driver overlay, or scope swarm). */
  public static boolean isSwarm(NetworkCreateRequest r) {
    return r.driver().equals(NetworkObject.OVERLAY) || r.scope().equals("swarm");
  }

  /**
   * The spec of the network the request asks for.
   *
   * @throws InvalidArgumentException for what Shoal's overlay networks cannot do or a malformed
   *     request
   * @throws ForbiddenException for a predefined name
   */
  public static NetworkObject.Spec spec(NetworkCreateRequest r) {
    if (r.name().isEmpty()) {
      throw new InvalidArgumentException("network name must be provided");
    }
    if (PREDEFINED.contains(r.name())) {
      throw new ForbiddenException(r.name() + " is a pre-defined network and cannot be created");
    }
    if (!NAME.matcher(r.name()).matches()) {
      throw new InvalidArgumentException("invalid name: " + r.name()
          + ": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    if (!r.driver().equals(NetworkObject.OVERLAY)) {
      throw new InvalidArgumentException("the swarm scope is for overlay networks only; \""
          + (r.driver().isEmpty() ? "bridge" : r.driver()) + "\" networks are local (use -d overlay)");
    }
    if (!r.scope().isEmpty() && !r.scope().equals("swarm")) {
      throw new InvalidArgumentException("an overlay network is swarm-scoped; --scope " + r.scope() + " is not supported");
    }
    if (r.enableIpv6()) {
      throw new InvalidArgumentException("Shoal's overlay networks are IPv4 only (--ipv6 is not supported)");
    }
    if (r.configOnly() || !r.configFrom().isEmpty()) {
      throw new InvalidArgumentException("--config-only and --config-from are not supported for overlay networks");
    }
    if (!r.ipamDriver().isEmpty() && !r.ipamDriver().equals("default")) {
      throw new InvalidArgumentException("plugin \"" + r.ipamDriver() + "\" not found: the only IPAM driver is default");
    }
    if (r.ipamConfig().size() > 1) {
      throw new InvalidArgumentException("Shoal's overlay networks take one IPv4 subnet; " + r.ipamConfig().size() + " were given");
    }
    if (r.ingress() && r.attachable()) {
      throw new InvalidArgumentException("an ingress network cannot be attachable (--ingress and --attachable together)");
    }
    NetworkObject.Ipam ipam = NetworkObject.Ipam.NONE;
    if (!r.ipamConfig().isEmpty()) {
      NetworkCreateRequest.IpamConfig c = r.ipamConfig().getFirst();
      if (!c.auxAddresses().isEmpty()) {
        throw new InvalidArgumentException("--aux-address is not supported for overlay networks");
      }
      ipam = new NetworkObject.Ipam(c.subnet(), c.gateway(), c.ipRange());
    }
    return new NetworkObject.Spec(r.name(), r.labels(), NetworkObject.OVERLAY, r.options(),
        r.attachable(), r.internal(), r.ingress(), ipam);
  }

  /**
   * Checks that standalone containers may join the network ({@code docker run --network}).
   *
   * @throws ForbiddenException in Docker's words when it is not attachable
   */
  public static void requireAttachable(NetworkObject n) {
    if (!n.spec().attachable()) {
      throw new ForbiddenException("Could not attach to network " + n.spec().name()
          + ": rpc error: code = PermissionDenied desc = network " + n.spec().name() + " not manually attachable");
    }
  }
}
