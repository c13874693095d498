package shoal.manager.allocator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.Tx;
import shoal.manager.store.objects.AttachmentObject;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.EndpointSpec;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.net.ipam.Ipv4Address;

/**
 * One allocation pass in one store transaction, in swarmkit's order: networks (subnet, gateway,
 * VNI), then services (a VIP per network), then new tasks (an address per network, then PENDING,
 * which lets the scheduler place them). Everything it decides is written into the objects.
 */
final class AllocationPass {
  /** swarmkit's message of a task the allocator is done with. */
  static final String PENDING_MESSAGE = "pending task scheduling";

  private static final Logger log = LoggerFactory.getLogger(AllocationPass.class);

  private final Tx tx;
  private final Instant now;
  private AddressBook book;

  AllocationPass(Tx tx, Instant now) {
    this.tx = tx;
    this.now = now;
  }

  /** Runs the pass; returns where each network's serial allocation stopped. */
  Map<String, Ipv4Address> run(Map<String, Ipv4Address> cursors) {
    List<NetworkObject> networks = allocateNetworks();
    List<ServiceObject> services = tx.services().list();
    List<TaskObject> tasks = tx.tasks().list();
    List<AttachmentObject> standalone = tx.attachments().list();
    book = AddressBook.of(networks, services, tasks, standalone, cursors);
    Attachments attachments = new Attachments(networks);
    for (ServiceObject s : services) {
      allocateVips(s, attachments);
    }
    Map<String, ServiceObject> byId = tx.services().list().stream()
        .collect(Collectors.toMap(ServiceObject::id, Function.identity()));
    for (TaskObject t : tasks) {
      if (t.status().state() == TaskState.NEW && t.desiredState().compareTo(TaskState.RUNNING) <= 0) {
        allocateTask(t, byId.get(t.serviceId()), attachments);
      }
    }
    Set<String> nodes = tx.nodes().list().stream().map(NodeObject::id).collect(Collectors.toSet());
    for (AttachmentObject a : standalone) {
      allocateAttachment(a, attachments, nodes);
    }
    return book.cursors();
  }

  /**
   * Allocates the networks that are not yet; one whose request cannot be met (another network
   * took its subnet or VNI since the API checked it) is deleted, as its creator was told it would
   * be. Returns every network, allocated ones with their allocation.
   */
  private List<NetworkObject> allocateNetworks() {
    SubnetPool pool = SubnetPool.of(tx.cluster().list().stream().findFirst()
        .map(ClusterObject::defaultAddressPool).orElse(null));
    List<NetworkObject> all = tx.networks().list();
    List<NetworkObject> done = new ArrayList<>(all.stream().filter(NetworkObject::allocated).toList());
    for (NetworkObject n : all) {
      if (n.allocated()) {
        continue;
      }
      try {
        NetworkObject.Allocation a = NetworkAllocator.allocate(n.id(), n.spec(), pool, done);
        NetworkObject allocated = n.withAllocation(a);
        tx.networks().update(allocated);
        done.add(allocated);
        log.info("network {} ({}) allocated: subnet {} gateway {} VXLAN ID {}", n.spec().name(), n.id(),
            a.subnet(), a.gateway(), a.vxlanId());
      } catch (InvalidArgumentException e) {
        tx.networks().delete(n.id());
        log.warn("network {} ({}) cannot be allocated and is removed: {}", n.spec().name(), n.id(), e.getMessage());
      }
    }
    return done;
  }

  private void allocateVips(ServiceObject s, Attachments attachments) {
    EndpointSpec spec = s.spec().endpointSpec();
    List<ServiceObject.VirtualIp> vips = new ArrayList<>();
    if (spec.mode() == EndpointSpec.Mode.VIP) {
      for (Map.Entry<String, NetworkObject> e : attachments.of(s.spec().taskTemplate(), s).entrySet()) {
        ServiceObject.VirtualIp vip = vip(s, e.getKey(), e.getValue());
        if (vip != null) {
          vips.add(vip);
        }
      }
    }
    ServiceObject.Endpoint endpoint = new ServiceObject.Endpoint(spec, spec.ports(), vips);
    if (!endpoint.equals(s.endpoint())) {
      tx.services().update(s.withEndpoint(endpoint));
      log.debug("service {}: endpoint {}", s.spec().name(), endpoint);
    }
  }

  /** The service's VIP on the network: the one it has, or a new one; null if none can be had. */
  private ServiceObject.VirtualIp vip(ServiceObject s, String networkId, NetworkObject network) {
    AddressSpace space = book.space(networkId);
    if (network == null || space == null) {
      return null;
    }
    for (ServiceObject.VirtualIp v : s.endpoint().virtualIps()) {
      if (v.networkId().equals(networkId)) {
        return v;
      }
    }
    try {
      return new ServiceObject.VirtualIp(networkId, space.take());
    } catch (InvalidArgumentException e) {
      log.warn("service {}: no VIP on network {}: {}", s.spec().name(), network.spec().name(), e.getMessage());
      return null;
    }
  }

  /**
   * Gives a standalone container's attachment its address. One whose network or node is gone, or
   * whose network is full or not attachable, is deleted (its address, if any, is free again): the
   * node asking for it is told so, and a node removed from the swarm keeps no address.
   */
  private void allocateAttachment(AttachmentObject a, Attachments attachments, Set<String> nodes) {
    NetworkObject n = attachments.find(a.networkId());
    String problem = null;
    if (!nodes.contains(a.nodeId())) {
      problem = "node " + a.nodeId() + " is not in the swarm";
    } else if (n == null) {
      problem = "network " + a.networkId() + " not found";
    } else if (!n.spec().attachable()) {
      problem = "network " + n.spec().name() + " is not attachable";
    }
    if (problem == null && a.allocated()) {
      return;
    }
    AddressSpace space = n == null ? null : book.space(n.id());
    if (problem == null && space == null) {
      return; // the network's own allocation comes first (it is in this pass, or failed)
    }
    if (problem == null) {
      try {
        tx.attachments().update(a.withAddress(space.take()));
        return;
      } catch (InvalidArgumentException e) {
        problem = e.getMessage() + " (network " + n.spec().name() + ")";
      }
    }
    if (a.allocated() && space != null) {
      space.release(a.address());
    }
    tx.attachments().delete(a.id());
    log.info("attachment {} of container {} on node {} removed: {}", a.id(), a.containerId(), a.nodeId(), problem);
  }

  /**
   * Gives the task an address on each of its networks and makes it PENDING; if one is missing,
   * not allocated yet or full, the task stays NEW with the reason and nothing is taken.
   */
  private void allocateTask(TaskObject t, ServiceObject service, Attachments attachments) {
    Map<String, NetworkObject> networks = attachments.of(t.spec(), service);
    List<String> missing = Attachments.missing(networks);
    String problem = missing.isEmpty() ? null : "network " + String.join(", ", missing) + " not found";
    List<TaskObject.NetworkAttachment> taken = new ArrayList<>();
    for (String id : problem == null ? networks.keySet() : List.<String>of()) {
      AddressSpace space = book.space(id);
      if (space == null) {
        problem = "network " + networks.get(id).spec().name() + " is not allocated yet";
        break;
      }
      try {
        taken.add(new TaskObject.NetworkAttachment(id, List.of(space.take())));
      } catch (InvalidArgumentException e) {
        problem = e.getMessage() + " (network " + networks.get(id).spec().name() + ")";
        break;
      }
    }
    if (problem != null) {
      taken.forEach(a -> a.addresses().forEach(book.space(a.networkId())::release));
      if (!Objects.equals(t.status().err(), problem)) {
        tx.tasks().update(t.withStatus(t.status().withErr(problem)));
        log.warn("task {} waits for its networks: {}", t.id(), problem);
      }
      return;
    }
    tx.tasks().update(t.withNetworks(taken)
        .withStatus(t.status().next(TaskState.PENDING, PENDING_MESSAGE, now)));
  }
}
