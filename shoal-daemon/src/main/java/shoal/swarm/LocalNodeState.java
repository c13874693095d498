package shoal.swarm;

import java.util.Locale;

/** Docker's LocalNodeState: where this node stands with respect to a swarm. */
public enum LocalNodeState {
  INACTIVE, PENDING, ACTIVE, ERROR, LOCKED;

  /** Docker's lower-case word, as {@code /info} and {@code /_ping} give it. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
