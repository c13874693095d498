package shoal.manager.store;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.proto.RaftProtos.ServerRpcProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import shoal.manager.store.objects.NodeObject.Reachability;

/**
 * This manager's Ratis server and the client through which it sends writes and linearizable reads
 * (Ratis forwards them to the leader, following it across failovers).
 */
final class RaftNode implements AutoCloseable {
  /** How the server starts: a new group of one, an empty member waiting to be added, or from disk. */
  enum Start { BOOTSTRAP, JOIN, RECOVER }

  private final RaftPeer self;
  private final RaftGroupId groupId;
  private final RaftProperties properties;
  private final Parameters parameters;
  private final RaftServer server;
  // Built on first use (the server must run first); guarded by this.
  private RaftClient client;
  private RaftClient adminClient;

  private RaftNode(StoreConfig config, StoreStateMachine sm, Start start) throws IOException {
    this.self = peer(config.nodeId(), config.advertise());
    this.groupId = RaftSetup.groupId(config.clusterId());
    this.properties = RaftSetup.properties(config, start == Start.BOOTSTRAP);
    this.parameters = RaftSetup.parameters(config.tls());
    RaftGroup group = start == Start.BOOTSTRAP
        ? RaftGroup.valueOf(groupId, self)
        : RaftGroup.valueOf(groupId);
    this.server = RaftServer.newBuilder()
        .setServerId(self.getId())
        .setGroup(group)
        .setStateMachine(sm)
        .setProperties(properties)
        .setParameters(parameters)
        .setOption(start == Start.RECOVER
            ? RaftStorage.StartupOption.RECOVER
            : RaftStorage.StartupOption.FORMAT)
        .build();
  }

  static RaftNode start(StoreConfig config, StoreStateMachine sm, Start start) throws IOException {
    RaftNode node = new RaftNode(config, sm, start);
    try {
      node.server.start();
    } catch (IOException | RuntimeException e) {
      try {
        node.server.close();
      } catch (IOException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
    return node;
  }

  static RaftPeer peer(String nodeId, String addr) {
    return RaftPeer.newBuilder().setId(nodeId).setAddress(addr).build();
  }

  String selfId() {
    return self.getId().toString();
  }

  /** Proposes a batch; returns the encoded BatchResult once the leader applied it. */
  byte[] propose(byte[] batch) {
    RaftClientReply reply = call("write", () ->
        client().io().send(Message.valueOf(ByteString.copyFrom(batch))));
    return reply.getMessage().getContent().toByteArray();
  }

  /**
   * A linearizable read at the leader: returns the index of the last batch it applied, which this
   * manager must apply before it can answer a read that sees every completed write.
   */
  long readBarrier() {
    RaftClientReply reply = call("read", () -> client().io().sendReadOnly(Message.EMPTY));
    return Long.parseLong(reply.getMessage().getContent().toStringUtf8());
  }

  /** Adds a manager that has started its store with {@link Start#JOIN} (it catches up first). */
  void addPeer(String nodeId, String addr) {
    SetConfigurationRequest.Arguments args = SetConfigurationRequest.Arguments.newBuilder()
        .setServersInNewConf(List.of(peer(nodeId, addr)))
        .setMode(SetConfigurationRequest.Mode.ADD)
        .build();
    call("add manager " + nodeId, () -> adminClient().admin().setConfiguration(args));
  }

  /** Removes a manager; false if it was not a member. */
  boolean removePeer(String nodeId) {
    List<RaftPeer> current = List.copyOf(division().getGroup().getPeers());
    List<RaftPeer> next = current.stream().filter(p -> !p.getId().toString().equals(nodeId)).toList();
    if (next.size() == current.size()) {
      return false;
    }
    if (next.isEmpty()) {
      throw new IllegalArgumentException("cannot remove the last manager " + nodeId);
    }
    SetConfigurationRequest.Arguments args = SetConfigurationRequest.Arguments.newBuilder()
        .setServersInCurrentConf(current)
        .setServersInNewConf(next)
        .setMode(SetConfigurationRequest.Mode.COMPARE_AND_SET)
        .build();
    call("remove manager " + nodeId, () -> adminClient().admin().setConfiguration(args));
    return true;
  }

  RaftServer.Division division() {
    try {
      return server.getDivision(groupId);
    } catch (IOException e) {
      throw new StoreUnavailableException("the Raft group is not running on this manager", e);
    }
  }

  /** The managers of the current configuration, with reachability as this manager sees it. */
  List<ManagerInfo> managers() {
    RaftServer.Division d = division();
    RaftPeerId leader = d.getInfo().getLeaderId();
    RoleInfoProto role = d.getInfo().getRoleInfoProto();
    Map<String, Long> silentFor = new HashMap<>();
    silentFor.put(selfId(), 0L);
    if (role.hasLeaderInfo()) {
      for (ServerRpcProto f : role.getLeaderInfo().getFollowerInfoList()) {
        silentFor.put(f.getId().getId().toStringUtf8(), f.getLastRpcElapsedTimeMs());
      }
    } else if (role.hasFollowerInfo() && leader != null) {
      silentFor.put(leader.toString(),
          role.getFollowerInfo().getLeaderInfo().getLastRpcElapsedTimeMs());
    }
    Set<RaftPeer> peers = new LinkedHashSet<>(d.getGroup().getPeers());
    List<ManagerInfo> managers = new ArrayList<>();
    long limit = RaftTimings.UNREACHABLE_AFTER.toMillis();
    for (RaftPeer p : peers) {
      String id = p.getId().toString();
      Long silent = silentFor.get(id);
      Reachability r = silent == null
          ? Reachability.UNKNOWN
          : silent <= limit ? Reachability.REACHABLE : Reachability.UNREACHABLE;
      managers.add(new ManagerInfo(id, p.getAddress(), p.getId().equals(leader), r));
    }
    return managers;
  }

  private synchronized RaftClient client() {
    if (client == null) {
      client = newClient(properties, RaftTimings.REQUEST_TIMEOUT);
    }
    return client;
  }

  private synchronized RaftClient adminClient() {
    if (adminClient == null) {
      adminClient = newClient(
          RaftSetup.adminProperties(properties), RaftTimings.MEMBERSHIP_TIMEOUT);
    }
    return adminClient;
  }

  /**
   * A client knowing the current members and this manager; it learns later members from the
   * leader's redirections.
   */
  private RaftClient newClient(RaftProperties clientProperties, Duration timeout) {
    Set<RaftPeer> peers = new LinkedHashSet<>(division().getGroup().getPeers());
    peers.add(self);
    return RaftClient.newBuilder()
        .setRaftGroup(RaftGroup.valueOf(groupId, peers))
        .setProperties(clientProperties)
        .setParameters(parameters)
        .setRetryPolicy(RaftSetup.clientRetry(timeout))
        .build();
  }

  private interface Call {
    RaftClientReply run() throws IOException;
  }

  private RaftClientReply call(String what, Call call) {
    RaftClientReply reply;
    try {
      reply = call.run();
    } catch (StateMachineException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "the store did not answer (" + what + "): no leader reachable? " + e.getMessage(), e);
    }
    if (!reply.isSuccess()) {
      if (reply.getException() instanceof StateMachineException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      throw new StoreUnavailableException(
          "the store refused the " + what + ": " + reply.getException(), reply.getException());
    }
    return reply;
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    synchronized (this) {
      for (RaftClient c : new RaftClient[] {client, adminClient}) {
        if (c != null) {
          try {
            c.close();
          } catch (IOException e) {
            failure = e;
          }
        }
      }
      client = null;
      adminClient = null;
    }
    try {
      server.close();
    } catch (IOException e) {
      if (failure != null) {
        e.addSuppressed(failure);
      }
      throw e;
    }
    if (failure != null) {
      throw failure;
    }
  }
}
