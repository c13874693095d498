package shoal.swarm;

import java.util.regex.Pattern;
import shoal.errors.InvalidArgumentException;
import shoal.manager.scheduler.Constraint;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceSpec;

/**
 * What makes a service spec acceptable, checked before anything is written, in swarmkit's words
 * (which Docker passes on with the gRPC code in front).
 */
final class ServiceRules {
  static final String INVALID = "rpc error: code = InvalidArgument desc = ";

  /** swarmkit's rule for names: a DNS name component. */
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$");

  private ServiceRules() {}

  /** @throws InvalidArgumentException when the spec cannot make a service */
  static void check(ServiceSpec s) {
    if (s.name().isEmpty()) {
      throw new InvalidArgumentException(INVALID + "meta: name must be provided");
    }
    if (!NAME.matcher(s.name()).matches()) {
      throw new InvalidArgumentException(INVALID + "name must be valid as a DNS name component");
    }
    if (s.name().length() > 63) {
      throw new InvalidArgumentException(INVALID + "name must be 63 characters or fewer");
    }
    if (s.taskTemplate().containerSpec().image().isBlank()) {
      throw new InvalidArgumentException(INVALID + "ContainerSpec: image reference must be provided");
    }
    try {
      Constraint.parseAll(s.taskTemplate().placement().constraints());
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException(INVALID + e.getMessage());
    }
  }

  /** What an update may not change. */
  static void checkUpdate(ServiceObject current, ServiceSpec next) {
    if (!current.spec().name().equals(next.name())) {
      throw new InvalidArgumentException("rpc error: code = Unimplemented desc = renaming services is not supported");
    }
    if (current.spec().mode().isGlobal() != next.mode().isGlobal()) {
      throw new InvalidArgumentException(INVALID + "service mode change is not allowed");
    }
  }
}
