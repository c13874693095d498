package shoal.manager.store.objects;

import java.util.List;

/**
 * Which nodes may run a service's tasks.
 *
 * @param constraints Docker's constraint expressions, all of which a node must meet: {@code
 *     node.id|node.hostname|node.role|node.labels.KEY|engine.labels.KEY} then {@code ==} or
 *     {@code !=} then a value (`node.role==manager`, `node.labels.zone!=east`)
 * @param maxReplicas the most tasks of the service one node may run (`--replicas-max-per-node`);
 *     0 for no limit
 */
public record Placement(List<String> constraints, long maxReplicas) {
  public Placement {
    constraints = Labels.copy(constraints);
    if (maxReplicas < 0) {
      throw new IllegalArgumentException("max replicas per node must not be negative");
    }
  }

  public static Placement none() {
    return new Placement(List.of(), 0);
  }

  public Placement withConstraints(List<String> constraints) {
    return new Placement(constraints, maxReplicas);
  }

  public Placement withMaxReplicas(long maxReplicas) {
    return new Placement(constraints, maxReplicas);
  }
}
