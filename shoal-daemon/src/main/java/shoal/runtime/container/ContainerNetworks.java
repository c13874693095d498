package shoal.runtime.container;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ConflictException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.net.ContainerNetworking;
import shoal.net.EndpointInfo;
import shoal.net.EndpointSpec;

/**
 * {@code docker network connect/disconnect}: the container records the networks it asks for; a
 * running one joins or leaves at once, and its /etc/hosts follows.
 */
final class ContainerNetworks {
  private static final Logger log = LoggerFactory.getLogger(ContainerNetworks.class);

  private final ContainerStore store;
  private final ContainerNetworking networking;

  ContainerNetworks(ContainerStore store, ContainerNetworking networking) {
    this.store = store;
    this.networking = networking;
  }

  void connect(String containerRef, String network, EndpointSpec spec) {
    Container c = store.get(containerRef);
    c.operations.lock();
    try {
      ContainerRecord r = c.record();
      if (r.host().hostNetwork()) {
        throw new InvalidArgumentException("container cannot be disconnected from host network or connected to host network");
      }
      EndpointSpec s = spec == null ? EndpointSpec.defaults() : spec;
      if (c.process() != null) {
        EndpointInfo e = networking.connect(r.id(), network, s);
        Map<String, EndpointInfo> eps = new HashMap<>(r.endpoints());
        eps.put(e.networkName(), e);
        Map<String, EndpointSpec> nets = new HashMap<>(r.networks());
        nets.put(e.networkName(), s);
        ContainerRecord u = c.update(x -> x.withNetworks(nets).withSandbox(eps, x.ports(), x.sandboxKey()));
        rewriteHosts(c, u);
      } else {
        if (r.networks().containsKey(network)) {
          throw new ConflictException("endpoint with name " + r.name() + " already exists in network " + network);
        }
        Map<String, EndpointSpec> nets = new HashMap<>(r.networks());
        nets.put(network, s);
        c.update(x -> x.withNetworks(nets));
      }
    } finally {
      c.operations.unlock();
    }
  }

  void disconnect(String containerRef, String network, boolean force) {
    Container c = store.get(containerRef);
    c.operations.lock();
    try {
      ContainerRecord r = c.record();
      if (c.process() != null) {
        networking.disconnect(r.id(), network);
        Map<String, EndpointInfo> eps = new HashMap<>(r.endpoints());
        eps.entrySet().removeIf(e -> e.getKey().equals(network) || e.getValue().networkId().startsWith(network));
        Map<String, EndpointSpec> nets = new HashMap<>(r.networks());
        nets.keySet().removeIf(k -> k.equals(network) || r.endpoints().containsKey(k) && !eps.containsKey(k));
        ContainerRecord u = c.update(x -> x.withNetworks(nets).withSandbox(eps, x.ports(), x.sandboxKey()));
        rewriteHosts(c, u);
      } else {
        if (!r.networks().containsKey(network)) {
          throw new NotFoundException("container " + r.id() + " is not connected to network " + network);
        }
        Map<String, EndpointSpec> nets = new HashMap<>(r.networks());
        nets.remove(network);
        c.update(x -> x.withNetworks(nets));
      }
    } finally {
      c.operations.unlock();
    }
  }

  private void rewriteHosts(Container c, ContainerRecord r) {
    try {
      EtcFiles.write(c.dataDir().resolve("hosts"), EtcFiles.hosts(false, null, r.host().extraHosts(),
          r.endpoints().values(), r.config().hostname(), r.config().domainname()));
    } catch (IOException e) {
      log.warn("container {}: cannot update /etc/hosts: {}", r.shortId(), e.toString());
    }
  }

}
