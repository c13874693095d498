package shoal.manager.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The swarm's replicated store on one manager: every cluster object, the same on all managers
 * (Raft, Apache Ratis). See the package documentation for a worked update.
 *
 * <p>Reads: {@link #view} is linearizable (it sees every write that completed anywhere before it
 * started); {@link #viewLocal} reads this manager's state as applied so far. Writes: {@link
 * #update} runs a function on a consistent read, and the creates, updates and deletes it staged
 * are applied atomically, with compare-and-set on versions, as one Raft log entry; on a version
 * clash it runs the function again on fresh state. Never call the store from inside a view or
 * update function (the function runs while the state is locked for reading).
 */
public final class Store implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  /** How many times {@link #update} runs its function when versions clash. */
  static final int MAX_ATTEMPTS = 10;

  /** The longest random pause after the first clash (it grows with each attempt). */
  static final Duration CLASH_BACKOFF = Duration.ofMillis(20);

  /** A view and a watch that starts right after it. */
  public record WatchedView<T>(T value, Watch watch) {}

  private final String nodeId;
  private final StoreStateMachine stateMachine;
  private final RaftEventRelay events;
  private final RaftNode node;

  private Store(StoreConfig config, RaftNode.Start start) throws IOException {
    this.nodeId = config.nodeId();
    RaftNode[] started = new RaftNode[1];
    this.events = new RaftEventRelay(config.nodeId(),
        () -> started[0] == null ? List.of() : started[0].managers());
    this.stateMachine = new StoreStateMachine(events);
    try {
      Files.createDirectories(config.dir());
      started[0] = RaftNode.start(config, stateMachine, start);
    } catch (IOException | RuntimeException e) {
      events.close();
      throw e;
    }
    this.node = started[0];
    LOG.info("store {} started ({}) on {}", nodeId, start, config.advertise());
  }

  /**
   * `swarm init`: a new Raft group whose only member is this manager; it leads at once. A store
   * of the same swarm already in {@code config.dir()} is replaced.
   */
  public static Store bootstrap(StoreConfig config) throws IOException {
    return new Store(config, RaftNode.Start.BOOTSTRAP);
  }

  /**
   * Joining as a manager: starts an empty member that waits until a manager of the group calls
   * {@link #addManager} for it, then catches up from the leader. A store of the same swarm already
   * in {@code config.dir()} is replaced.
   */
  public static Store join(StoreConfig config) throws IOException {
    return new Store(config, RaftNode.Start.JOIN);
  }

  /**
   * A restart: the log, snapshots and membership from {@code config.dir()}.
   *
   * @throws NoSuchFileException if this manager has no store of the swarm there
   */
  public static Store open(StoreConfig config) throws IOException {
    if (!exists(config)) {
      throw new NoSuchFileException(config.dir().toString(), null,
          "no store of cluster " + config.clusterId() + " here; bootstrap or join first");
    }
    return new Store(config, RaftNode.Start.RECOVER);
  }

  /** Whether {@code config.dir()} holds a store of the swarm (this manager was one before). */
  public static boolean exists(StoreConfig config) {
    return Files.isDirectory(
        config.dir().resolve(RaftSetup.groupId(config.clusterId()).getUuid().toString()));
  }

  public String nodeId() {
    return nodeId;
  }

  /**
   * A linearizable read: waits until this manager applied the leader's commit index, then runs
   * {@code fn}. Writes in {@code fn} throw {@link IllegalStateException}.
   *
   * @throws StoreUnavailableException if no leader answered within {@link
   *     RaftTimings#REQUEST_TIMEOUT}
   */
  public <T> T view(Function<Tx, T> fn) {
    catchUp();
    return viewLocal(fn);
  }

  /** A read of this manager's state as applied so far (no round trip; works without quorum). */
  public <T> T viewLocal(Function<Tx, T> fn) {
    return stateMachine.read(state -> fn.apply(new Tx(state, false)));
  }

  /**
   * Runs {@code fn} on a linearizable read and applies the writes it staged atomically, as one
   * batch; returns {@code fn}'s result once the batch is applied on this manager (so a read here
   * right after sees it). Nothing is written if {@code fn} throws or any write does not fit the
   * state when the batch is applied. On a version clash {@code fn} runs again on fresh state, up
   * to {@value #MAX_ATTEMPTS} times in all.
   *
   * @throws AlreadyExistsException an ID or unique name is taken
   * @throws NotFoundException an object to update or delete does not exist
   * @throws VersionConflictException versions still clashed on the last attempt
   * @throws StoreUnavailableException no leader answered within {@link RaftTimings#REQUEST_TIMEOUT}
   */
  public <T> T update(Function<Tx, T> fn) {
    for (int attempt = 1; ; attempt++) {
      catchUp();
      Staged<T> staged;
      try {
        staged = stateMachine.read(state -> {
          Tx tx = new Tx(state, true);
          T result = fn.apply(tx);
          return new Staged<>(result, tx.actions());
        });
      } catch (VersionConflictException e) {
        if (attempt < MAX_ATTEMPTS) {
          backOff(attempt);
          continue;
        }
        throw e;
      }
      if (staged.actions().isEmpty()) {
        return staged.result();
      }
      BatchResult result = propose(new Batch(Instant.now(), staged.actions()));
      if (result.failure() == null) {
        awaitApplied(result.index());
        return staged.result();
      }
      RuntimeException failure = result.failure().toException();
      if (!(failure instanceof VersionConflictException) || attempt >= MAX_ATTEMPTS) {
        throw failure;
      }
      LOG.debug("store {}: {}; running the update again", nodeId, failure.getMessage());
      backOff(attempt);
    }
  }

  /**
   * Waits a random while before another attempt, longer each time, so that two managers updating
   * the same object do not keep clashing in step.
   */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(CLASH_BACKOFF.toMillis() * attempt + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted between attempts of an update", e);
    }
  }

  private record Staged<T>(T result, List<Action> actions) {}

  private BatchResult propose(Batch batch) {
    String error = batch.formError();
    if (error != null) {
      throw new IllegalArgumentException(error);
    }
    byte[] reply = node.propose(StoreJson.write(batch));
    try {
      return StoreJson.read(reply, BatchResult.class);
    } catch (IOException e) {
      throw new IllegalStateException("the leader's answer does not decode", e);
    }
  }

  /** Makes this manager's state at least as new as the leader's was when the call started. */
  private void catchUp() {
    awaitApplied(node.readBarrier());
  }

  private void awaitApplied(long index) {
    try {
      if (!stateMachine.applied().awaitAtLeast(index, RaftTimings.REQUEST_TIMEOUT)) {
        throw new StoreUnavailableException("entry " + index
            + " is committed but this manager has not applied it yet");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for entry " + index, e);
    }
  }

  /**
   * Events of every batch applied on this manager from now on, in apply order, that pass the
   * filter (see {@link StoreEvent#ofKind}); close the watch when done.
   */
  public Watch watch(Predicate<StoreEvent> filter) {
    return stateMachine.watch(filter);
  }

  /**
   * A linearizable read plus a watch starting exactly after it: nothing is missed or seen twice.
   * The usual start of a manager loop.
   *
   * @throws StoreUnavailableException if no leader answered in time
   */
  public <T> WatchedView<T> viewAndWatch(Function<Tx, T> fn, Predicate<StoreEvent> filter) {
    catchUp();
    return stateMachine.readAndWatch(state -> fn.apply(new Tx(state, false)), filter);
  }

  /**
   * Adds a manager whose store was started with {@link #join}; returns once it is a member (it
   * caught up with the log first). Call on any manager.
   *
   * @param raftAddr where the new manager's Raft server listens for the others (host:port)
   * @throws StoreUnavailableException if the change did not complete within {@link
   *     RaftTimings#MEMBERSHIP_TIMEOUT} (the new manager unreachable, or no quorum)
   */
  public void addManager(String nodeId, String raftAddr) {
    node.addPeer(nodeId, raftAddr);
  }

  /**
   * Removes a manager from the group (demotion, `node rm`); false if it was not a member. Removing
   * the leader makes it step down once the change is committed.
   *
   * @throws StoreUnavailableException if the change did not complete in time
   */
  public boolean removeManager(String nodeId) {
    return node.removePeer(nodeId);
  }

  /** The managers of the group, with leader and reachability as this manager sees them. */
  public List<ManagerInfo> managers() {
    return node.managers();
  }

  public Leadership leadership() {
    return events.current();
  }

  /** Waits until some manager leads (at most {@code timeout}); returns the leadership then. */
  public Leadership awaitLeader(Duration timeout) throws InterruptedException {
    return events.awaitLeader(timeout);
  }

  /** Registers a listener; it is told the current leadership at once (on the event thread). */
  public void addListener(StoreListener listener) {
    events.add(listener);
  }

  public void removeListener(StoreListener listener) {
    events.remove(listener);
  }

  /** The index of the last log entry this manager applied. */
  public long appliedIndex() {
    return stateMachine.applied().get();
  }

  /** Stops this manager's Raft server; the data stays (reopen with {@link #open}). */
  @Override
  public void close() throws IOException {
    try {
      node.close();
    } finally {
      events.close();
      LOG.info("store {} stopped", nodeId);
    }
  }
}
