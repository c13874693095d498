package shoal.manager.dispatcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import shoal.agent.OverlayPeer;
import shoal.manager.store.objects.AttachmentObject;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.StoreObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;

/**
 * The rules that make a task or a standalone container's attachment an endpoint of the overlay:
 * which networks its node must have for it, and whether other nodes must be able to reach it. One
 * place, so that the dispatcher's peer tables and {@code network inspect}'s Peers agree.
 */
public final class Endpoints {
  private Endpoints() {}

  /**
   * What one task or attachment ("owner") contributes, reduced to what distribution acts on: a
   * task's status updates that change none of it cost nothing downstream.
   *
   * @param nodeId the node hosting it (empty while unplaced)
   * @param addresses network ID → its address there, with prefix length
   * @param holdsNetworks its node must have these networks (it may have a container on them)
   * @param reachable other nodes must have it in their peer tables
   */
  public record Owner(String id, String nodeId, Map<String, String> addresses,
      boolean holdsNetworks, boolean reachable) {}

  /** The owner a task or attachment makes, or null when it has no endpoint anywhere. */
  public static Owner of(StoreObject o) {
    return switch (o) {
      case TaskObject t -> of(t);
      case AttachmentObject a -> of(a);
      default -> null;
    };
  }

  static Owner of(TaskObject t) {
    if (t.nodeId().isEmpty() || t.networks().isEmpty()) {
      return null;
    }
    Map<String, String> addresses = new LinkedHashMap<>();
    for (TaskObject.NetworkAttachment a : t.networks()) {
      if (!a.addresses().isEmpty()) {
        addresses.put(a.networkId(), a.addresses().getFirst());
      }
    }
    TaskState state = t.status().state();
    boolean holds = Assignments.assigned(t) && !state.terminal();
    boolean reachable = state.compareTo(TaskState.ASSIGNED) >= 0 && !state.terminal()
        && t.desiredState().compareTo(TaskState.RUNNING) <= 0;
    if (addresses.isEmpty() || !holds && !reachable) {
      return null;
    }
    return new Owner(t.id(), t.nodeId(), addresses, holds, reachable);
  }

  static Owner of(AttachmentObject a) {
    if (!a.allocated()) {
      return null;
    }
    return new Owner(a.id(), a.nodeId(), Map.of(a.networkId(), a.address()), true, true);
  }

  /**
   * The address other nodes reach the node at (its VXLAN tunnel endpoint), or null while they
   * must not: the node is Down, or unknown.
   */
  public static String vtep(NodeObject n) {
    if (n == null || n.status().state() == NodeObject.State.DOWN) {
      return null;
    }
    String addr = n.status().addr();
    return addr.isEmpty() ? null : hostOf(addr);
  }

  /** The node's hostname as it registered; empty when unknown. */
  public static String hostname(NodeObject n) {
    return n == null || n.description() == null ? "" : n.description().hostname();
  }

  /** The host part of {@code host}, {@code host:port} or {@code [v6]:port}. */
  static String hostOf(String addr) {
    if (addr.startsWith("[")) {
      int end = addr.indexOf(']');
      return end < 0 ? addr : addr.substring(1, end);
    }
    int colon = addr.indexOf(':');
    return colon >= 0 && addr.indexOf(':', colon + 1) < 0 ? addr.substring(0, colon) : addr;
  }

  /** The peer an owner is on a network, hosted at {@code vtep} by the node named {@code nodeName}. */
  static OverlayPeer peer(Owner o, String networkId, String vtep, String nodeName) {
    String address = o.addresses().get(networkId);
    int slash = address.indexOf('/');
    String ip = slash < 0 ? address : address.substring(0, slash);
    return new OverlayPeer(o.id(), ip, OverlayPeer.macOf(ip), vtep, nodeName);
  }

  /**
   * The nodes that host a reachable endpoint on the network, sorted by ID: what {@code network
   * inspect -v} shows as Peers on a manager (Docker lists each participating node once).
   */
  public static List<NodeObject> nodesOn(String networkId, Collection<TaskObject> tasks,
      Collection<AttachmentObject> attachments, Collection<NodeObject> nodes) {
    Set<String> hosting = new HashSet<>();
    for (StoreObject o : concat(tasks, attachments)) {
      Owner owner = of(o);
      if (owner != null && owner.reachable() && owner.addresses().containsKey(networkId)) {
        hosting.add(owner.nodeId());
      }
    }
    return nodes.stream().filter(n -> hosting.contains(n.id()) && vtep(n) != null)
        .sorted(Comparator.comparing(NodeObject::id)).toList();
  }

  private static List<StoreObject> concat(Collection<? extends StoreObject> a,
      Collection<? extends StoreObject> b) {
    List<StoreObject> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
