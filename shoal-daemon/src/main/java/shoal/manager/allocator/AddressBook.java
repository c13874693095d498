package shoal.manager.allocator;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shoal.manager.store.objects.AttachmentObject;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.TaskObject;
import shoal.net.ipam.Ipv4Address;

/**
 * The address spaces of every allocated swarm network, built from the store: what is recorded in
 * the objects (services' VIPs, the addresses of tasks that still hold them, standalone
 * containers' attachments) is used, the rest is
 * free. Nothing but the objects is the truth, so a new leader rebuilds exactly the same book.
 */
final class AddressBook {
  private final Map<String, AddressSpace> spaces = new LinkedHashMap<>();

  /**
   * @param cursors where each network's serial allocation stopped in the previous pass on this
   *     leader (empty after a leader change: then each network resumes after its highest address)
   */
  static AddressBook of(Collection<NetworkObject> networks, Collection<ServiceObject> services,
      Collection<TaskObject> tasks, Map<String, Ipv4Address> cursors) {
    return of(networks, services, tasks, List.of(), cursors);
  }

  /** @param attachments standalone containers' attachments: each holds its address while it exists */
  static AddressBook of(Collection<NetworkObject> networks, Collection<ServiceObject> services,
      Collection<TaskObject> tasks, Collection<AttachmentObject> attachments,
      Map<String, Ipv4Address> cursors) {
    AddressBook book = new AddressBook();
    for (NetworkObject n : networks) {
      if (n.allocated()) {
        book.spaces.put(n.id(), new AddressSpace(n, cursors.get(n.id())));
      }
    }
    for (ServiceObject s : services) {
      s.endpoint().virtualIps().forEach(v -> book.mark(v.networkId(), v.addr(), true));
    }
    for (TaskObject t : tasks) {
      boolean holds = Attachments.holdsAddresses(t);
      t.networks().forEach(a -> a.addresses().forEach(addr -> book.mark(a.networkId(), addr, holds)));
    }
    for (AttachmentObject a : attachments) {
      if (a.allocated()) {
        book.mark(a.networkId(), a.address(), true);
      }
    }
    book.spaces.values().forEach(AddressSpace::resumeAfterHighestSeen);
    return book;
  }

  /** The network's space, or null when it is unknown or not allocated yet. */
  AddressSpace space(String networkId) {
    return spaces.get(networkId);
  }

  /** Where each network's allocation stopped, for the next pass. */
  Map<String, Ipv4Address> cursors() {
    Map<String, Ipv4Address> out = new HashMap<>();
    spaces.forEach((id, s) -> {
      if (s.cursor() != null) {
        out.put(id, s.cursor());
      }
    });
    return out;
  }

  private void mark(String networkId, String addr, boolean used) {
    AddressSpace s = spaces.get(networkId);
    if (s != null && used) {
      s.markUsed(addr);
    } else if (s != null) {
      s.markSeen(addr);
    }
  }
}
