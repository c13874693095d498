package shoal.manager.orchestrator;

/** A loop the leader runs: {@link #run} until {@link #stop}, which is idempotent and waits. */
public interface ManagerLoop {
  void run() throws InterruptedException;

  void stop();
}
