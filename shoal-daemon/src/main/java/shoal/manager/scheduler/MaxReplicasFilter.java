package shoal.manager.scheduler;

import shoal.manager.store.objects.TaskObject;

/** The node runs fewer of the service's tasks than the placement allows per node. */
public final class MaxReplicasFilter implements Filter {
  private String serviceId = "";
  private long max;

  @Override
  public boolean setTask(TaskObject task) {
    serviceId = task.serviceId();
    max = task.spec().placement().maxReplicas();
    return max > 0;
  }

  @Override
  public boolean check(NodeInfo node) {
    return node.tasksOf(serviceId) < max;
  }

  @Override
  public String explain(int nodes) {
    return "max replicas per node limit exceed";
  }
}
