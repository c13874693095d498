package shoal.manager.store;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.manager.store.Objects.batch;
import static shoal.manager.store.Objects.create;
import static shoal.manager.store.Objects.node;

import java.time.Duration;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.proto.RaftProtos.StateMachineLogEntryProto;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.raftlog.LogProtoUtils;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import shoal.manager.store.objects.Kind;

class StoreStateMachineTest {
  private static final StoreStateMachine.RaftEvents NO_EVENTS = new StoreStateMachine.RaftEvents() {
    @Override
    public void leaderChanged(RaftPeerId leaderId) {}

    @Override
    public void leaderReady() {}

    @Override
    public void membersChanged() {}
  };

  private final StoreStateMachine sm = new StoreStateMachine(NO_EVENTS);

  private BatchResult apply(byte[] data, long index) throws Exception {
    StateMachineLogEntryProto log = StateMachineLogEntryProto.newBuilder()
        .setLogData(ByteString.copyFrom(data)).build();
    TransactionContext trx = TransactionContext.newBuilder()
        .setStateMachine(sm)
        .setServerRole(RaftPeerRole.FOLLOWER)
        .setLogEntry(LogProtoUtils.toLogEntryProto(log, 1, index))
        .build();
    byte[] reply = sm.applyTransaction(trx).get().getContent().toByteArray();
    return StoreJson.read(reply, BatchResult.class);
  }

  @Test
  void aClashIsAnsweredAsAValueAndLaterEntriesStillApply() throws Exception {
    assertThat(apply(StoreJson.write(batch(create(node("n1")))), 1)).isEqualTo(BatchResult.ok(1));

    BatchResult clash = apply(StoreJson.write(batch(create(node("n1")))), 2);
    BatchResult garbage = apply("not json".getBytes(), 3);
    BatchResult next = apply(StoreJson.write(batch(create(node("n2")))), 4);

    assertThat(clash.failure().code()).isEqualTo(BatchResult.Code.ALREADY_EXISTS);
    assertThat(clash.failure().toException()).isInstanceOf(AlreadyExistsException.class);
    assertThat(garbage.failure().code()).isEqualTo(BatchResult.Code.INVALID);
    assertThat(next).isEqualTo(BatchResult.ok(4));
    assertThat(sm.getLastAppliedTermIndex().getIndex()).isEqualTo(4);
    assertThat(sm.applied().get()).isEqualTo(4);
    int nodes = sm.read(s -> s.all(Kind.NODE).size());
    assertThat(nodes).isEqualTo(2);
  }

  @Test
  void aWatchOpenedWithAViewGetsTheEventsOfLaterBatchesInOrderWithCommits() throws Exception {
    apply(StoreJson.write(batch(create(node("n1")))), 1);
    Store.WatchedView<Integer> start =
        sm.readAndWatch(s -> s.all(Kind.NODE).size(), StoreEvent.ofKind(Kind.NODE));

    apply(StoreJson.write(batch(create(Objects.service("s1", "web")))), 2); // filtered out
    apply(StoreJson.write(batch(create(node("n2")), create(node("n3")))), 3);

    try (Watch w = start.watch()) {
      assertThat(start.value()).isEqualTo(1);
      assertThat(((StoreEvent.Created) w.take()).object().id()).isEqualTo("n2");
      assertThat(((StoreEvent.Created) w.take()).object().id()).isEqualTo("n3");
      assertThat(w.take()).isEqualTo(new StoreEvent.Commit(3));
      assertThat(w.poll(Duration.ofMillis(20))).isNull();
    }
  }
}
