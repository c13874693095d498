package shoal.manager.store;

import java.time.Duration;

/**
 * The store's Raft timings. Docker waits about 10 s (10 ticks of 1 s) before electing a new
 * leader; Shoal aims at a new leader within about 2–3 s of a crash without false elections when
 * two cores are shared by several busy daemons: the leader heartbeats every 500 ms (Ratis sends
 * one every half of the minimum election timeout), so a follower starts an election only after
 * missing two to four heartbeats in a row, and pre-vote keeps a follower that was merely slow from
 * deposing a healthy leader.
 */
public final class RaftTimings {
  private RaftTimings() {}

  /** A follower that heard nothing from a leader for a random time in [MIN, MAX] runs. */
  public static final Duration ELECTION_TIMEOUT_MIN = Duration.ofMillis(1000);

  public static final Duration ELECTION_TIMEOUT_MAX = Duration.ofMillis(2000);

  /** The leader's heartbeat period (Ratis derives it as half of ELECTION_TIMEOUT_MIN). */
  public static final Duration HEARTBEAT_PERIOD = ELECTION_TIMEOUT_MIN.dividedBy(2);

  /**
   * The first election after a start: short, so that `swarm init` and a restarted group have a
   * leader quickly. Harmless when a leader exists: pre-vote fails, since the others still hear it.
   */
  public static final Duration FIRST_ELECTION_TIMEOUT_MIN = Duration.ofMillis(300);

  public static final Duration FIRST_ELECTION_TIMEOUT_MAX = Duration.ofMillis(600);

  /**
   * The first election of a group of one that `swarm init` just made: there is no other manager to
   * wait for or to split the vote with, so it elects itself almost at once.
   */
  public static final Duration BOOTSTRAP_ELECTION_TIMEOUT_MIN = Duration.ofMillis(10);

  public static final Duration BOOTSTRAP_ELECTION_TIMEOUT_MAX = Duration.ofMillis(20);

  /** A leader that has not heard from a majority for this long steps down. */
  public static final Duration LEADER_STEP_DOWN_WAIT = Duration.ofSeconds(4);

  /** One append-entries or install-snapshot call between managers. */
  public static final Duration RPC_REQUEST_TIMEOUT = Duration.ofSeconds(3);

  /**
   * A manager asking the leader for its read index gives up after this (and the client retries):
   * short, so that a read sent during a failover does not wait on the dead leader.
   */
  public static final Duration READ_INDEX_TIMEOUT = ELECTION_TIMEOUT_MIN;

  /**
   * One attempt of a write or read sent to the leader; the client then retries (a write is not
   * applied twice: Ratis answers a retried call from its cache). Short, so that a call sent to a
   * manager that was still a candidate does not hold up the first one after a failover.
   */
  public static final Duration CLIENT_ATTEMPT_TIMEOUT = ELECTION_TIMEOUT_MIN;

  public static final Duration CLIENT_RETRY_SLEEP = Duration.ofMillis(100);

  /**
   * How long a write or a linearizable read keeps trying (covering a failover) before it fails
   * with StoreUnavailableException.
   */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** How long adding or removing a manager may take (the new one catches up first). */
  public static final Duration MEMBERSHIP_TIMEOUT = Duration.ofSeconds(30);

  /** A peer the leader (or, on a follower, the leader itself) has not heard from for this long. */
  public static final Duration UNREACHABLE_AFTER = ELECTION_TIMEOUT_MAX;
}
