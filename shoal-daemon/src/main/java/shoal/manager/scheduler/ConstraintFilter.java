package shoal.manager.scheduler;

import java.util.List;
import shoal.manager.store.objects.TaskObject;

/** The node meets the task's placement constraints. */
public final class ConstraintFilter implements Filter {
  private List<Constraint> constraints = List.of();

  @Override
  public boolean setTask(TaskObject task) {
    List<String> expressions = task.spec().placement().constraints();
    if (expressions.isEmpty()) {
      return false;
    }
    try {
      constraints = Constraint.parseAll(expressions);
    } catch (IllegalArgumentException e) {
      // Checked when the service was made; a bad one here (older entry) places nowhere.
      constraints = List.of(new Constraint("invalid", true, ""));
    }
    return true;
  }

  @Override
  public boolean check(NodeInfo node) {
    return Constraint.allMatch(constraints, node.node());
  }

  @Override
  public String explain(int nodes) {
    return "scheduling constraints not satisfied on " + Filter.nodes(nodes);
  }
}
