package shoal.swarm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.cluster.Access;
import shoal.cluster.CaService;
import shoal.cluster.ClusterServer;
import shoal.cluster.ClusterTls;
import shoal.cluster.CurrentIdentity;
import shoal.manager.dispatcher.DispatcherService;
import shoal.manager.dispatcher.StandaloneAttachments;
import shoal.agent.ManagerChannels;
import shoal.errors.UnavailableException;
import shoal.manager.dispatcher.Dispatcher;
import shoal.manager.dispatcher.LogFeed;
import shoal.manager.dispatcher.LogRelay;
import shoal.proto.DispatcherGrpc;
import shoal.proto.LogSelector;
import shoal.manager.store.ManagerInfo;
import shoal.manager.store.RaftTls;
import shoal.manager.store.Store;
import shoal.manager.store.StoreConfig;
import shoal.proto.NodeCaGrpc;

/**
 * The manager half of a node: its replica of the store, the cluster port (CA, dispatcher, Raft
 * membership) and the loops that run while it leads. Built around a store that was bootstrapped,
 * joined or reopened.
 */
final class ManagerNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ManagerNode.class);

  private final Store store;
  private final StoreDirectory directory;
  private final LeaderLoops loops;
  private final ClusterServer server;
  private final DispatcherService dispatcher;

  private ManagerNode(Store store, StoreDirectory directory, LeaderLoops loops, ClusterServer server,
      DispatcherService dispatcher) {
    this.store = store;
    this.directory = directory;
    this.loops = loops;
    this.server = server;
    this.dispatcher = dispatcher;
  }

  /** How this manager's store runs: Raft beside the cluster port, mutual TLS with the node certificate. */
  static StoreConfig storeConfig(Path raftDir, CurrentIdentity self, NodeState state) {
    Addresses.HostPort listen = Addresses.parse(state.listenAddr(), Addresses.DEFAULT_PORT, "listen address");
    Addresses.HostPort advertise = Addresses.parse(state.advertiseAddr(), listen.port(), "advertise address");
    return new StoreConfig(raftDir, self.get().nodeId(), self.get().clusterId(),
        Addresses.raftOf(listen).socket(), Addresses.raftOf(advertise).toString(),
        RaftTls.mutual(ClusterTls.keyManager(self), ClusterTls.trustManager(self)), 0);
  }

  /**
   * Serves the cluster port and starts following leadership, around {@code store}; the store is
   * closed if that fails.
   */
  static ManagerNode serve(Store store, CurrentIdentity self, NodeState state) throws IOException {
    StoreDirectory directory = new StoreDirectory(store, self.get().clusterId());
    DispatcherService dispatcher = new DispatcherService(() -> leaderAddr(store), new StandaloneAttachments(store));
    LeaderLoops loops = new LeaderLoops(store, dispatcher);
    try {
      Addresses.HostPort listen = Addresses.parse(state.listenAddr(), Addresses.DEFAULT_PORT, "listen address");
      ClusterServer server = ClusterServer.on(new InetSocketAddress(listen.host(), listen.port()), self, directory)
          .add(new CaService(directory, directory, Clock.systemUTC()), Access.ANY_NODE)
          .access(NodeCaGrpc.getJoinMethod(), Access.UNAUTHENTICATED)
          .add(dispatcher, Access.ANY_NODE)
          .access(DispatcherGrpc.getSubscribeLogsMethod(), Access.MANAGER)
          .add(new RaftMembershipService(store), Access.MANAGER)
          .start();
      store.addListener(loops);
      return new ManagerNode(store, directory, loops, server, dispatcher);
    } catch (IOException | RuntimeException e) {
      loops.close();
      try {
        store.close();
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private static Optional<String> leaderAddr(Store store) {
    return store.managers().stream().filter(ManagerInfo::leader).findFirst()
        .map(m -> Addresses.clusterOfRaft(m.addr()));
  }

  Store store() {
    return store;
  }

  /**
   * Task logs from every node that ran the tasks: from this manager's dispatcher if it leads,
   * else from the leader's over {@code channels}.
   */
  LogFeed logs(LogSelector selector, ManagerChannels channels) {
    Optional<Dispatcher> local = dispatcher.local();
    if (local.isPresent()) {
      return local.get().subscribeLogs(selector);
    }
    String leader = leaderAddr(store).orElseThrow(() -> new UnavailableException(
        "The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online."));
    return LogRelay.fromLeader(channels.get(leader), selector);
  }

  StoreDirectory directory() {
    return directory;
  }

  /** Stops the loops (agents move to the next leader), the cluster port and the store; the data stays. */
  @Override
  public void close() {
    loops.close();
    server.close();
    try {
      store.close();
    } catch (IOException | RuntimeException e) {
      log.warn("closing the store of node {}: {}", store.nodeId(), e.toString());
    }
  }
}
