package shoal.swarm;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shoal.agent.HostDescription;
import shoal.cluster.Certificates;
import shoal.cluster.ClusterIds;
import shoal.cluster.JoinSecrets;
import shoal.cluster.NodeIdentity;
import shoal.cluster.NodeRole;
import shoal.cluster.Pem;
import shoal.cluster.RootCa;
import shoal.errors.InvalidArgumentException;
import shoal.manager.dispatcher.HeartbeatPolicy;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.NodeObject;

/**
 * What `swarm init` makes before anything is stored: the cluster's IDs, root CA and join secrets,
 * this node's manager certificate, and the first two objects of the store (the cluster and this
 * node).
 */
record ClusterBootstrap(NodeIdentity identity, ClusterObject cluster, NodeObject self) {
  static final List<String> DEFAULT_POOL = List.of("10.0.0.0/8");
  static final int DEFAULT_SUBNET_SIZE = 24;
  private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

  static ClusterBootstrap create(InitRequest req, Addresses.HostPort advertise, HostDescription host, Instant now) {
    ClusterObject.Spec spec = withShoalDefaults(req.spec());
    ClusterObject.AddressPool pool = pool(req.defaultAddrPool(), req.subnetSize());
    String clusterId = ClusterIds.newId();
    String nodeId = ClusterIds.newId();
    RootCa ca = RootCa.create(now);
    KeyPair keys = Certificates.newKeyPair();
    X509Certificate cert = ca.issue(Certificates.csr(keys), nodeId, NodeRole.MANAGER, clusterId,
        spec.caConfig().nodeCertExpiry(), now);
    NodeIdentity identity = new NodeIdentity(keys.getPrivate(), List.of(cert), ca.certificate());
    JoinSecrets secrets = JoinSecrets.generate();
    ClusterObject cluster = new ClusterObject(clusterId, null, spec,
        new ClusterObject.JoinTokens(secrets.token(NodeRole.WORKER, ca.digest()).format(),
            secrets.token(NodeRole.MANAGER, ca.digest()).format()),
        new ClusterObject.RootCa(Pem.encode(List.of(ca.certificate())), Pem.encode(ca.key())), pool);
    NodeObject self = new NodeObject(nodeId, null,
        new NodeObject.Spec("", null, NodeObject.Role.MANAGER, req.availability()),
        NodeObject.Role.MANAGER,
        new NodeObject.Status(NodeObject.State.UNKNOWN, "", advertise.host()),
        new NodeObject.Description(host.hostname(), new NodeObject.Platform(host.architecture(), host.os()),
            new NodeObject.Resources(host.nanoCpus(), host.memoryBytes()), host.engineVersion()),
        new NodeObject.ManagerStatus(nodeId, advertise.toString(), NodeObject.Reachability.REACHABLE, true),
        null);
    return new ClusterBootstrap(identity, cluster, self);
  }

  /**
   * The spec with Shoal's defaults where Docker's CLI left a value unset (zero): notably a 1 s
   * heartbeat rather than Docker's 5 s.
   */
  static ClusterObject.Spec withShoalDefaults(ClusterObject.Spec given) {
    ClusterObject.Spec spec = given == null ? ClusterObject.Spec.defaults() : given;
    Duration beat = spec.dispatcher().heartbeatPeriod();
    if (given == null || beat.isZero()) {
      spec = spec.withDispatcher(new ClusterObject.Dispatcher(HeartbeatPolicy.DEFAULT_PERIOD));
    }
    if (spec.caConfig().nodeCertExpiry().isZero()) {
      spec = spec.withCaConfig(ClusterObject.CaConfig.defaults());
    }
    return validate(spec);
  }

  /** Refuses settings Shoal cannot honour, in Docker's words where it has some. */
  static ClusterObject.Spec validate(ClusterObject.Spec spec) {
    if (spec.caConfig().nodeCertExpiry().compareTo(ClusterControl.MIN_CERT_EXPIRY) < 0) {
      throw new InvalidArgumentException("minimum certificate expiry time is: 1h0m0s");
    }
    Duration beat = spec.dispatcher().heartbeatPeriod();
    if (beat.isNegative() || beat.compareTo(HeartbeatPolicy.MIN_PERIOD) < 0 && !beat.isZero()) {
      throw new InvalidArgumentException("invalid dispatcher heartbeat period " + beat.toMillis() + "ms: it must be at least "
          + HeartbeatPolicy.MIN_PERIOD.toMillis() + "ms");
    }
    return spec;
  }

  static ClusterObject.AddressPool pool(List<String> subnets, int size) {
    List<String> pool = subnets == null || subnets.isEmpty() ? DEFAULT_POOL : subnets;
    int mask = size == 0 ? DEFAULT_SUBNET_SIZE : size;
    if (mask < 1 || mask > 29) {
      throw new InvalidArgumentException("invalid subnet size " + size + ": it must be between 1 and 29");
    }
    for (String s : pool) {
      Matcher m = CIDR.matcher(s);
      if (!m.matches() || Integer.parseInt(m.group(5)) > 32
          || !List.of(1, 2, 3, 4).stream().allMatch(i -> Integer.parseInt(m.group(i)) < 256)) {
        throw new InvalidArgumentException("invalid default address pool " + s + ": not an IPv4 CIDR");
      }
      if (Integer.parseInt(m.group(5)) > mask) {
        throw new InvalidArgumentException("invalid default address pool " + s
            + ": its prefix is longer than the subnet size " + mask);
      }
    }
    return new ClusterObject.AddressPool(pool, mask);
  }
}
