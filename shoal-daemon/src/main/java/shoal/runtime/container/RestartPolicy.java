package shoal.runtime.container;

import shoal.errors.InvalidArgumentException;

/**
 * Docker's restart policy: {@code no}, {@code always}, {@code unless-stopped} or
 * {@code on-failure} with an optional maximum number of retries (0 = unlimited).
 */
public record RestartPolicy(String name, int maximumRetryCount) {
  public static final RestartPolicy NO = new RestartPolicy("no", 0);

  public RestartPolicy {
    name = name == null || name.isEmpty() ? "no" : name;
    switch (name) {
      case "no", "always", "unless-stopped" -> {
        if (maximumRetryCount != 0) {
          throw new InvalidArgumentException(
              "invalid restart policy: maximum retry count can only be used with 'on-failure'");
        }
      }
      case "on-failure" -> {
        if (maximumRetryCount < 0) {
          throw new InvalidArgumentException("invalid restart policy: maximum retry count cannot be negative");
        }
      }
      default -> throw new InvalidArgumentException("invalid restart policy: unknown policy '" + name
          + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    }
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isNone() {
    return name.equals("no");
  }
}
