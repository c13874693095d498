package shoal.manager.scheduler;

import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.TaskObject;

/** The node is active: a paused or drained node takes no new task (`node update --availability`). */
public final class AvailabilityFilter implements Filter {
  @Override
  public boolean setTask(TaskObject task) {
    return true;
  }

  @Override
  public boolean check(NodeInfo node) {
    return node.node().spec().availability() == NodeObject.Availability.ACTIVE;
  }

  @Override
  public String explain(int nodes) {
    return Filter.nodes(nodes) + " not available for new tasks";
  }
}
