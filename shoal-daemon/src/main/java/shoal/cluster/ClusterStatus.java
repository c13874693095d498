package shoal.cluster;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import shoal.errors.ConflictException;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.errors.ShoalException;
import shoal.errors.SystemException;
import shoal.errors.UnavailableException;

/**
 * Shoal's typed failures across the cluster port: a service throws a {@link ShoalException}, the
 * caller gets the same kind back with the same message.
 */
public final class ClusterStatus {
  private ClusterStatus() {}

  /** The gRPC status a service answers with for {@code e}. */
  public static StatusRuntimeException toStatus(Throwable e) {
    if (e instanceof StatusRuntimeException already) {
      return already;
    }
    Status s = switch (e) {
      case InvalidArgumentException x -> Status.INVALID_ARGUMENT;
      case NotFoundException x -> Status.NOT_FOUND;
      case ConflictException x -> Status.ALREADY_EXISTS;
      case ForbiddenException x -> Status.PERMISSION_DENIED;
      case UnavailableException x -> Status.UNAVAILABLE;
      default -> Status.INTERNAL;
    };
    return s.withDescription(e.getMessage()).withCause(e).asRuntimeException();
  }

  /**
   * The Shoal failure for a call to {@code target} that ended with {@code e}. Transport failures
   * name the target, since the caller's user did not choose the exact manager.
   */
  public static ShoalException toShoal(StatusRuntimeException e, String target) {
    Status s = e.getStatus();
    String msg = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
    return switch (s.getCode()) {
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> new InvalidArgumentException(msg, e);
      case NOT_FOUND -> new NotFoundException(msg, e);
      case ALREADY_EXISTS, ABORTED -> new ConflictException(msg, e);
      case PERMISSION_DENIED, UNAUTHENTICATED -> new ForbiddenException(msg, e);
      case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, RESOURCE_EXHAUSTED ->
          new UnavailableException("cannot reach the manager at " + target + ": " + msg, e);
      default -> new SystemException(msg, e);
    };
  }
}
