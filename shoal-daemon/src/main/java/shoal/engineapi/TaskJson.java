package shoal.engineapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import shoal.manager.store.objects.TaskObject;

/** Tasks in Docker's JSON shape (Engine API 1.41). */
final class TaskJson {
  private TaskJson() {}

  static ObjectNode of(ObjectMapper json, TaskObject t) {
    ObjectNode o = json.createObjectNode();
    o.put("ID", t.id());
    SwarmJson.meta(o, t.meta());
    o.putObject("Labels");
    o.set("Spec", ServiceJson.taskTemplate(json, t.spec()));
    o.put("ServiceID", t.serviceId());
    if (t.slot() > 0) {
      o.put("Slot", t.slot());
    }
    if (!t.nodeId().isEmpty()) {
      o.put("NodeID", t.nodeId());
    }
    TaskObject.Status s = t.status();
    ObjectNode st = o.putObject("Status").put("Timestamp", ContainerJson.time(s.timestamp()))
        .put("State", ServiceJson.word(s.state())).put("Message", s.message());
    if (!s.err().isEmpty()) {
      st.put("Err", s.err());
    }
    TaskObject.ContainerStatus c = s.containerStatus();
    if (c != null) {
      ObjectNode cs = st.putObject("ContainerStatus").put("ContainerID", c.containerId());
      if (c.pid() > 0) {
        cs.put("PID", c.pid());
      }
      cs.put("ExitCode", c.exitCode());
    }
    st.putObject("PortStatus");
    o.put("DesiredState", ServiceJson.word(t.desiredState()));
    if (!t.networks().isEmpty()) {
      ArrayNode nets = o.putArray("NetworksAttachments");
      for (TaskObject.NetworkAttachment n : t.networks()) {
        ObjectNode no = nets.addObject();
        no.putObject("Network").put("ID", n.networkId());
        ArrayNode addrs = no.putArray("Addresses");
        n.addresses().forEach(addrs::add);
      }
    }
    return o;
  }
}
