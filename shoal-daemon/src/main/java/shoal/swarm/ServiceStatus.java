package shoal.swarm;

/**
 * What {@code service ls} shows in its REPLICAS column (Docker's {@code ServiceStatus}).
 *
 * @param running tasks running on a node that is not down
 * @param desired the replicas (replicated), or the tasks meant to run (global)
 * @param completed tasks of a job that completed (Shoal runs no jobs: 0)
 */
public record ServiceStatus(long running, long desired, long completed) {}
