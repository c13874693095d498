package shoal.agent;

import java.util.LinkedHashMap;
import java.util.Map;

/** The labels Docker puts on a task's container, by which the executor finds it again. */
public final class SwarmLabels {
  public static final String SERVICE_ID = "com.docker.swarm.service.id";
  public static final String SERVICE_NAME = "com.docker.swarm.service.name";
  public static final String TASK = "com.docker.swarm.task";
  public static final String TASK_ID = "com.docker.swarm.task.id";
  public static final String TASK_NAME = "com.docker.swarm.task.name";
  public static final String NODE_ID = "com.docker.swarm.node.id";

  private SwarmLabels() {}

  /** The spec's own container labels, then Docker's swarm labels (which win). */
  public static Map<String, String> of(Assignment t) {
    Map<String, String> labels = new LinkedHashMap<>(t.spec().labels());
    labels.put(SERVICE_ID, t.serviceId());
    labels.put(SERVICE_NAME, t.serviceName());
    labels.put(TASK, "");
    labels.put(TASK_ID, t.taskId());
    labels.put(TASK_NAME, t.containerName());
    labels.put(NODE_ID, t.nodeId());
    return labels;
  }
}
