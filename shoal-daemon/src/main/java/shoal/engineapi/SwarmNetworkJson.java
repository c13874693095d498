package shoal.engineapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shoal.manager.store.objects.NetworkObject;
import shoal.swarm.NetworkServices;
import shoal.swarm.SwarmNetworks;

/** Swarm networks in Docker's JSON shape ({@code GET /networks}, {@code /networks/{id}}). */
final class SwarmNetworkJson {
  private SwarmNetworkJson() {}

  /**
   * @param verbose {@code verbose=1}: with Peers and Services
   * @param peers the nodes taking part in the network (shown when verbose)
   * @param services the services on the network and their tasks (shown when verbose)
   */
  static ObjectNode of(ObjectMapper json, NetworkObject n, boolean verbose, List<SwarmNetworks.Peer> peers,
      List<NetworkServices.Service> services) {
    ObjectNode o = json.createObjectNode();
    o.put("Name", n.spec().name());
    o.put("Id", n.id());
    o.put("Created", n.meta().createdAt().toString());
    o.put("Scope", "swarm");
    o.put("Driver", n.spec().driver());
    o.put("EnableIPv6", false);
    ObjectNode ipam = o.putObject("IPAM");
    ipam.put("Driver", "default");
    ipam.putNull("Options");
    var config = ipam.putArray("Config");
    NetworkObject.Allocation a = n.allocation();
    if (a != null) {
      ObjectNode c = config.addObject();
      c.put("Subnet", a.subnet());
      if (!a.ipRange().isEmpty()) {
        c.put("IPRange", a.ipRange());
      }
      c.put("Gateway", a.gateway());
    }
    o.put("Internal", n.spec().internal());
    o.put("Attachable", n.spec().attachable());
    o.put("Ingress", n.spec().ingress());
    o.putObject("ConfigFrom").put("Network", "");
    o.put("ConfigOnly", false);
    o.putNull("Containers");
    Map<String, String> options = new TreeMap<>(n.spec().options());
    if (a != null) {
      options.put(NetworkObject.VXLANID_LIST, Integer.toString(a.vxlanId()));
    }
    o.set("Options", json.valueToTree(options));
    // Docker shows the labels of the ingress it made as {} and absent labels of a user's as null.
    if (n.spec().labels().isEmpty() && !n.spec().ingress()) {
      o.putNull("Labels");
    } else {
      o.set("Labels", json.valueToTree(new TreeMap<>(n.spec().labels())));
    }
    if (verbose) {
      var list = o.putArray("Peers");
      peers.forEach(p -> list.addObject().put("Name", p.name()).put("IP", p.ip()));
      ObjectNode byName = o.putObject("Services");
      for (NetworkServices.Service s : services) {
        ObjectNode so = byName.putObject(s.name());
        so.put("VIP", s.vip());
        so.putArray("Ports");
        so.put("LocalLBIndex", 0);
        var tasks = so.putArray("Tasks");
        for (NetworkServices.Task t : s.tasks()) {
          ObjectNode to = tasks.addObject();
          to.put("Name", t.name());
          to.put("EndpointID", t.endpointId());
          to.put("EndpointIP", t.endpointIp());
          to.putObject("Info").put("Host IP", t.hostIp());
        }
      }
    }
    return o;
  }
}
