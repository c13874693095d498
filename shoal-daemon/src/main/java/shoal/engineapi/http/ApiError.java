package shoal.engineapi.http;

/** Status and message of a failed request, as the client sees them: {@code {"message": …}}. */
public record ApiError(int status, String message) {}
