package shoal.errors;

/**
 * A failure that a caller can act on. Each subclass is one kind of failure; the Engine API maps
 * the kind (not the message) to a status code, once, in {@code shoal.engineapi.ErrorMapper}.
 * Messages are written for a person: they name the object and say what to do.
 */
public abstract sealed class ShoalException extends RuntimeException
    permits NotFoundException, ConflictException, InvalidArgumentException, ForbiddenException,
        UnavailableException, NotModifiedException, SystemException {

  protected ShoalException(String message) {
    super(message);
  }

  protected ShoalException(String message, Throwable cause) {
    super(message, cause);
  }
}
