package shoal.manager.store;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.proto.RaftProtos.RaftConfigurationProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as a Raft state machine: every manager applies the same batches in the same order.
 *
 * <p>Contract of {@link #applyTransaction}: it is deterministic (the result depends only on the
 * state and the entry; times come from the entry, versions are log indexes), and it never throws.
 * An exception thrown from it halts this manager's Raft server, and since every manager replays
 * the same entry, all of them. A batch that does not fit the state (an ID or name taken, an object
 * gone, a version clash) is an application error: nothing is written and the {@link BatchResult}
 * naming the failure is returned, as a value, to the proposer. Validation of the batch's form
 * happens before proposing ({@code Store.update}) and again in {@link #startTransaction} on the
 * leader, which refuses a malformed batch before it reaches the log.
 */
final class StoreStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(StoreStateMachine.class);

  /** What Ratis tells about leadership and membership, passed on to the store. */
  interface RaftEvents {
    void leaderChanged(RaftPeerId leaderId);

    void leaderReady();

    void membersChanged();
  }

  private final SnapshotStore snapshots = new SnapshotStore();
  private final Watchers watchers = new Watchers();
  private final AppliedIndex applied = new AppliedIndex();
  private final RaftEvents events;
  // Guards state. Apply (and snapshot load) write; views, snapshots and watch registration read,
  // so a view plus a new watch see exactly the batches before the watch's first event. Taken
  // alone (no other lock of the store is held with it).
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final StoreState state = new StoreState();
  // The index of the last batch entry applied (or the loaded snapshot's): what a reader must have
  // applied to see everything the leader has. Written by the apply thread only.
  private volatile long lastBatchIndex;

  StoreStateMachine(RaftEvents events) {
    this.events = events;
  }

  AppliedIndex applied() {
    return applied;
  }

  <T> T read(Function<StoreState, T> fn) {
    lock.readLock().lock();
    try {
      return fn.apply(state);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs {@code fn} on the state and opens a watch that starts right after what it saw. */
  <T> Store.WatchedView<T> readAndWatch(Function<StoreState, T> fn, Predicate<StoreEvent> filter) {
    lock.readLock().lock();
    try {
      return new Store.WatchedView<>(fn.apply(state), watchers.open(filter));
    } finally {
      lock.readLock().unlock();
    }
  }

  Watch watch(Predicate<StoreEvent> filter) {
    return watchers.open(filter);
  }

  @Override
  public SnapshotStore getStateMachineStorage() {
    return snapshots;
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage storage)
      throws IOException {
    super.initialize(server, groupId, storage);
    snapshots.init(storage);
    load();
  }

  /**
   * Before Ratis installs a snapshot sent by the leader: Ratis requires the PAUSED state. (Nothing
   * else moves this lifecycle, so it may still be NEW.)
   */
  @Override
  public void pause() {
    LifeCycle life = getLifeCycle();
    if (life.getCurrentState() == LifeCycle.State.NEW) {
      life.transition(LifeCycle.State.STARTING);
      life.transition(LifeCycle.State.RUNNING);
    }
    if (life.getCurrentState() == LifeCycle.State.RUNNING) {
      life.transition(LifeCycle.State.PAUSING);
      life.transition(LifeCycle.State.PAUSED);
    }
  }

  /** After Ratis installed a snapshot sent by the leader: the state becomes the snapshot's. */
  @Override
  public void reinitialize() throws IOException {
    snapshots.refresh();
    load();
    LifeCycle life = getLifeCycle();
    if (life.getCurrentState() == LifeCycle.State.PAUSED) {
      life.transition(LifeCycle.State.STARTING);
      life.transition(LifeCycle.State.RUNNING);
    }
  }

  private void load() throws IOException {
    Optional<StoreSnapshot> latest = snapshots.loadLatest();
    if (latest.isEmpty()) {
      return;
    }
    StoreSnapshot s = latest.get();
    lock.writeLock().lock();
    try {
      watchers.publish(state.replaceAll(s.objects(), s.applied().getIndex()));
      setLastAppliedTermIndex(s.applied());
      lastBatchIndex = s.applied().getIndex();
    } finally {
      lock.writeLock().unlock();
    }
    applied.advance(s.applied().getIndex());
    LOG.info("store loaded snapshot {} ({} objects)", s.applied(), s.objects().size());
  }

  @Override
  public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
    String error;
    try {
      error = StoreJson.read(request.getMessage().getContent().toByteArray(), Batch.class)
          .formError();
    } catch (IOException e) {
      error = "the batch does not decode: " + e.getMessage();
    }
    if (error != null) {
      throw new IOException("invalid store batch: " + error);
    }
    return super.startTransaction(request);
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    long index = entry.getIndex();
    Batch batch;
    try {
      batch = StoreJson.read(entry.getStateMachineLogEntry().getLogData().toByteArray(), Batch.class);
    } catch (IOException e) {
      batch = null;
    }
    BatchResult result;
    lock.writeLock().lock();
    try {
      if (batch == null) {
        result = BatchResult.failed(index, BatchResult.Failure.invalid("the batch does not decode"));
      } else {
        StoreState.Applied a = state.apply(batch, index);
        watchers.publish(a.events());
        result = a.failure() == null ? BatchResult.ok(index) : BatchResult.failed(index, a.failure());
      }
      updateLastAppliedTermIndex(entry.getTerm(), index);
      lastBatchIndex = index;
    } finally {
      lock.writeLock().unlock();
    }
    applied.advance(index);
    return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(StoreJson.write(result))));
  }

  /** Entries that are not batches (configuration, a new leader's first entry). */
  @Override
  public void notifyTermIndexUpdated(long term, long index) {
    super.notifyTermIndexUpdated(term, index);
    applied.advance(index);
  }

  /**
   * Answers a linearizable read (Ratis runs it on the leader once it confirmed its leadership)
   * with the index of the last batch applied: a manager whose own applied index reaches it has
   * every write that completed before the read. Not the commit index: that may be a Ratis
   * bookkeeping entry, whose commit a follower learns only with the next heartbeat.
   */
  @Override
  public CompletableFuture<Message> query(Message request) {
    return CompletableFuture.completedFuture(Message.valueOf(Long.toString(lastBatchIndex)));
  }

  @Override
  public long takeSnapshot() throws IOException {
    StoreSnapshot snapshot = read(s -> {
      TermIndex last = getLastAppliedTermIndex();
      return last == null ? null : new StoreSnapshot(last, s.objects());
    });
    if (snapshot == null) {
      return RaftLog.INVALID_LOG_INDEX;
    }
    snapshots.write(snapshot);
    LOG.info("store wrote snapshot {} ({} objects)", snapshot.applied(), snapshot.objects().size());
    return snapshot.applied().getIndex();
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId member, RaftPeerId leaderId) {
    events.leaderChanged(leaderId);
  }

  @Override
  public void notifyLeaderReady() {
    events.leaderReady();
  }

  @Override
  public void notifyConfigurationChanged(long term, long index, RaftConfigurationProto conf) {
    events.membersChanged();
  }

  @Override
  public void close() throws IOException {
    watchers.closeAll("the store closed");
    super.close();
  }
}
