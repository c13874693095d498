package shoal.manager.allocator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shoal.manager.store.objects.EndpointSpec;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.manager.store.objects.TaskTemplate;

/** Which networks a task or a service is on, and which tasks still hold their addresses. */
final class Attachments {
  private final Map<String, NetworkObject> byId = new LinkedHashMap<>();
  private final Map<String, NetworkObject> byName = new LinkedHashMap<>();
  private NetworkObject ingress;

  Attachments(Collection<NetworkObject> networks) {
    for (NetworkObject n : networks) {
      byId.put(n.id(), n);
      byName.put(n.spec().name().toLowerCase(Locale.ROOT), n);
      if (n.spec().ingress()) {
        ingress = n;
      }
    }
  }

  /**
   * Whether the task's addresses are still its own: until it is wanted stopped and either ended or
   * never reached a node (swarmkit's rule, so a task that may still run keeps its address).
   */
  static boolean holdsAddresses(TaskObject t) {
    if (t.desiredState().compareTo(TaskState.RUNNING) <= 0) {
      return true;
    }
    TaskState s = t.status().state();
    return !s.terminal() && s.compareTo(TaskState.ASSIGNED) >= 0;
  }

  /** Whether the service publishes ports through the routing mesh (its tasks join ingress). */
  static boolean needsIngress(ServiceObject service) {
    return service != null && service.spec().endpointSpec().ports().stream()
        .anyMatch(p -> p.publishMode() == EndpointSpec.PublishMode.INGRESS);
  }

  /**
   * The networks, in order and each once: ingress first when the service publishes ports through
   * it, then the template's networks (by ID, or by name for specs written before names were
   * resolved). A target that names no network is returned as a missing entry (null value).
   */
  Map<String, NetworkObject> of(TaskTemplate template, ServiceObject service) {
    Map<String, NetworkObject> out = new LinkedHashMap<>();
    if (needsIngress(service) && ingress != null) {
      out.put(ingress.id(), ingress);
    }
    for (TaskTemplate.NetworkAttachmentConfig c : template.networks()) {
      NetworkObject n = find(c.target());
      out.putIfAbsent(n == null ? c.target() : n.id(), n);
    }
    return out;
  }

  NetworkObject find(String ref) {
    NetworkObject n = byId.get(ref);
    return n != null ? n : byName.get(ref.toLowerCase(Locale.ROOT));
  }

  /** The targets of {@link #of} that name no network, for the message of a task that waits. */
  static List<String> missing(Map<String, NetworkObject> networks) {
    List<String> out = new ArrayList<>();
    networks.forEach((ref, n) -> {
      if (n == null) {
        out.add(ref);
      }
    });
    return out;
  }
}
