package shoal.manager.dispatcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shoal.manager.store.Store;
import shoal.manager.store.objects.NodeObject;
import shoal.proto.NodeDescription;

/**
 * The dispatcher's writes to the store: what registering nodes said of themselves, and which nodes
 * went Down. Each call is one batch, whatever the number of nodes.
 */
final class NodeStatusWriter {
  /** A node that registered: its session's node ID, the address it came from, its description. */
  record Registration(String nodeId, String remoteHost, NodeDescription description) {}

  private final Store store;

  NodeStatusWriter(Store store) {
    this.store = store;
  }

  /**
   * Marks the nodes Ready with their descriptions; returns them as stored, by ID (a node that was
   * removed meanwhile is absent).
   *
   * @throws shoal.manager.store.StoreException when the write fails (e.g. no quorum)
   */
  Map<String, NodeObject> ready(List<Registration> registrations) {
    return store.update(tx -> {
      Map<String, NodeObject> out = new HashMap<>();
      for (Registration r : registrations) {
        tx.nodes().find(r.nodeId()).ifPresent(old -> {
          NodeObject next = old.withDescription(Descriptions.of(r.description()))
              .withStatus(new NodeObject.Status(NodeObject.State.READY, "", addr(r)));
          if (!next.equals(old)) {
            tx.nodes().update(next);
          }
          out.put(old.id(), next);
        });
      }
      return out;
    });
  }

  /**
   * Marks the nodes Down (those not Down already); returns the ones it changed.
   *
   * @throws shoal.manager.store.StoreException when the write fails
   */
  List<String> down(List<String> nodeIds) {
    return store.update(tx -> {
      List<String> out = new ArrayList<>();
      for (String id : nodeIds) {
        tx.nodes().find(id).filter(n -> n.status().state() != NodeObject.State.DOWN).ifPresent(n -> {
          tx.nodes().update(n.withStatus(new NodeObject.Status(NodeObject.State.DOWN, Dispatcher.DOWN_MESSAGE, n.status().addr())));
          out.add(id);
        });
      }
      return out;
    });
  }

  /**
   * The node's address: the host of the advertise address it registered with (where other nodes'
   * overlay traffic goes), or, when that names no single IPv4 address, where its session came from.
   */
  static String addr(Registration r) {
    String host = Endpoints.hostOf(r.description().getAdvertiseAddr());
    boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !host.equals("0.0.0.0");
    return ipv4 ? host : r.remoteHost();
  }
}
