package shoal.swarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import shoal.manager.dispatcher.Endpoints;
import shoal.manager.store.Tx;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.TaskObject;

/**
 * The services on a swarm network as {@code network inspect -v} shows them under Services: each
 * service's virtual IP there and its tasks that other nodes reach (the rules of the dispatcher's
 * peer tables, through {@link Endpoints}), with the address of the node hosting each.
 */
public final class NetworkServices {
  private NetworkServices() {}

  /** A service on the network: its VIP (empty when it has none) and reachable tasks. */
  public record Service(String name, String vip, List<Task> tasks) {}

  /** A task's endpoint: {@code hostIp} is its node's address (Docker's Info "Host IP"). */
  public record Task(String name, String endpointId, String endpointIp, String hostIp) {}

  static List<Service> of(Tx tx, NetworkObject n) {
    Map<String, NodeObject> nodes = tx.nodes().list().stream()
        .collect(Collectors.toMap(NodeObject::id, Function.identity()));
    Map<String, List<TaskObject>> tasksOf = tx.tasks().list().stream()
        .collect(Collectors.groupingBy(TaskObject::serviceId));
    List<Service> out = new ArrayList<>();
    for (ServiceObject s : tx.services().list()) {
      String vip = s.endpoint().virtualIps().stream().filter(v -> v.networkId().equals(n.id()))
          .map(v -> withoutPrefix(v.addr())).findFirst().orElse("");
      List<Task> tasks = new ArrayList<>();
      for (TaskObject t : tasksOf.getOrDefault(s.id(), List.of())) {
        Endpoints.Owner o = Endpoints.of(t);
        String host = o == null ? null : Endpoints.vtep(nodes.get(o.nodeId()));
        if (o != null && o.reachable() && host != null && o.addresses().containsKey(n.id())) {
          tasks.add(new Task(t.containerName(), t.id(), withoutPrefix(o.addresses().get(n.id())), host));
        }
      }
      if (!vip.isEmpty() || !tasks.isEmpty()) {
        tasks.sort(Comparator.comparing(Task::name));
        out.add(new Service(s.spec().name(), vip, tasks));
      }
    }
    out.sort(Comparator.comparing(Service::name));
    return out;
  }

  private static String withoutPrefix(String address) {
    int slash = address.indexOf('/');
    return slash < 0 ? address : address.substring(0, slash);
  }
}
