package shoal.runtime.container;

/** Docker's State.Status values. */
public enum ContainerStatus {
  CREATED("created"),
  RUNNING("running"),
  PAUSED("paused"),
  RESTARTING("restarting"),
  REMOVING("removing"),
  EXITED("exited"),
  DEAD("dead");

  private final String word;

  ContainerStatus(String word) {
    this.word = word;
  }

  /** As Docker writes it: {@code running}, {@code exited}… */
  public String word() {
    return word;
  }

  /** A process exists (running or frozen). */
  public boolean hasProcess() {
    return this == RUNNING || this == PAUSED;
  }

  public static ContainerStatus of(String word) {
    for (ContainerStatus s : values()) {
      if (s.word.equals(word)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no container status " + word);
  }
}
