package shoal.manager.store;

/**
 * Who leads the managers, as this manager sees it.
 *
 * @param leaderId the leader's node ID, or null while there is none (an election is on, or no
 *     quorum)
 * @param self true when this manager is the leader and has applied everything committed before
 *     its term: the moment to start the leader-only loops (dispatcher, orchestrators…)
 */
public record Leadership(String leaderId, boolean self) {
  static final Leadership NONE = new Leadership(null, false);

  public boolean hasLeader() {
    return leaderId != null;
  }
}
