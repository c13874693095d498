package shoal.swarm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import shoal.errors.InvalidArgumentException;
import shoal.manager.allocator.Allocator;
import shoal.manager.store.Tx;
import shoal.manager.store.objects.AttachmentObject;
import shoal.manager.store.objects.EndpointSpec;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskTemplate;

/** The link between services and swarm networks: which a spec names, and who uses a network. */
final class ServiceNetworks {
  private ServiceNetworks() {}

  /**
   * The spec with each network target (ID, name or ID prefix, as the user gave it) replaced by the
   * network's ID, as Docker stores it.
   *
   * @throws shoal.errors.NotFoundException {@code network foo not found}
   * @throws InvalidArgumentException for the ingress network or a network given twice
   */
  static ServiceSpec resolve(Tx tx, ServiceSpec spec) {
    TaskTemplate template = spec.taskTemplate();
    if (template.networks().isEmpty()) {
      return spec;
    }
    List<TaskTemplate.NetworkAttachmentConfig> resolved = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TaskTemplate.NetworkAttachmentConfig c : template.networks()) {
      NetworkObject n = NetworkControl.find(tx, c.target()).orElseThrow(() -> NetworkControl.notFound(c.target()));
      if (n.spec().ingress()) {
        throw new InvalidArgumentException(ServiceRules.INVALID
            + "service cannot be explicitly attached to the ingress network \"" + n.spec().name() + "\"");
      }
      if (!seen.add(n.id())) {
        throw new InvalidArgumentException(ServiceRules.INVALID + "network " + c.target()
            + " is given more than once");
      }
      resolved.add(new TaskTemplate.NetworkAttachmentConfig(n.id(), c.aliases(), c.driverOpts()));
    }
    return spec.withTaskTemplate(template.withNetworks(resolved));
  }

  /**
   * Why the network cannot be removed, in swarmkit's words: a service that names it (or, for
   * ingress, publishes ports through it), a task that still holds an address on it, or a
   * standalone container attached to it; null if
   * nothing uses it.
   */
  static String userOf(Tx tx, NetworkObject n) {
    for (ServiceObject s : tx.services().list()) {
      if (n.spec().ingress() && publishesThroughIngress(s)) {
        return "rpc error: code = FailedPrecondition desc = ingress network cannot be removed because service "
            + s.id() + " depends on it";
      }
      if (names(s.spec().taskTemplate(), n)) {
        return "rpc error: code = FailedPrecondition desc = network " + n.id() + " is in use by service " + s.id();
      }
    }
    for (TaskObject t : tx.tasks().list()) {
      if (Allocator.holdsAddresses(t) && (t.networks().stream().anyMatch(a -> a.networkId().equals(n.id())) || names(t.spec(), n))) {
        return "rpc error: code = FailedPrecondition desc = network " + n.id() + " is in use by task " + t.id();
      }
    }
    // swarmkit keeps a standalone container's attachment as a task: the same words.
    for (AttachmentObject a : tx.attachments().list(a -> a.networkId().equals(n.id()))) {
      return "rpc error: code = FailedPrecondition desc = network " + n.id() + " is in use by task " + a.id();
    }
    return null;
  }

  private static boolean names(TaskTemplate template, NetworkObject n) {
    return template.networks().stream()
        .anyMatch(c -> c.target().equals(n.id()) || c.target().equals(n.spec().name()));
  }

  private static boolean publishesThroughIngress(ServiceObject s) {
    return s.spec().endpointSpec().ports().stream()
        .anyMatch(p -> p.publishMode() == EndpointSpec.PublishMode.INGRESS);
  }
}
