package shoal.engineapi;

import com.fasterxml.jackson.core.JacksonException;
import shoal.engineapi.http.ApiError;
import shoal.errors.ConflictException;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.errors.NotModifiedException;
import shoal.errors.ShoalException;
import shoal.errors.SystemException;
import shoal.errors.UnavailableException;

/** The one place where a failure's kind becomes an HTTP status, as Docker's API gives it. */
public final class ErrorMapper {
  private ErrorMapper() {}

  public static ApiError toApiError(Throwable t) {
    if (t instanceof ShoalException e) {
      int status =
          switch (e) {
            case NotFoundException x -> 404;
            case ConflictException x -> 409;
            case InvalidArgumentException x -> 400;
            case ForbiddenException x -> 403;
            case UnavailableException x -> 503;
            case NotModifiedException x -> 304;
            case SystemException x -> 500;
          };
      return new ApiError(status, e.getMessage());
    }
    if (t instanceof JacksonException e) {
      return new ApiError(400, "invalid JSON: " + e.getOriginalMessage());
    }
    return new ApiError(500, t.getClass().getSimpleName() + ": " + t.getMessage());
  }
}
