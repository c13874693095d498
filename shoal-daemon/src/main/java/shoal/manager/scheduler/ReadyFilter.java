package shoal.manager.scheduler;

import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.TaskObject;

/** The node's session is up (status Ready): a Down or Disconnected node takes no task. */
public final class ReadyFilter implements Filter {
  @Override
  public boolean setTask(TaskObject task) {
    return true;
  }

  @Override
  public boolean check(NodeInfo node) {
    return node.node().status().state() == NodeObject.State.READY;
  }

  @Override
  public String explain(int nodes) {
    return Filter.nodes(nodes) + " not available for new tasks";
  }
}
