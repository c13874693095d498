package shoal.swarm;

import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.cluster.Caller;
import shoal.cluster.ClusterStatus;
import shoal.errors.InvalidArgumentException;
import shoal.errors.ShoalException;
import shoal.manager.store.Store;
import shoal.manager.store.StoreException;
import shoal.manager.store.objects.NodeObject;
import shoal.proto.RaftJoinRequest;
import shoal.proto.RaftJoinResponse;
import shoal.proto.RaftMembershipGrpc;

/**
 * A manager's answer to a node that holds a manager certificate and asks to join the Raft group
 * (a manager join, a promotion, or a restart that lost its store). Served to managers only; the
 * caller is who its certificate says.
 */
final class RaftMembershipService extends RaftMembershipGrpc.RaftMembershipImplBase {
  private static final Logger log = LoggerFactory.getLogger(RaftMembershipService.class);

  private final Store store;

  RaftMembershipService(Store store) {
    this.store = store;
  }

  @Override
  public void join(RaftJoinRequest req, StreamObserver<RaftJoinResponse> out) {
    String nodeId = Caller.require().nodeId();
    try {
      Addresses.HostPort raft = Addresses.parse(req.getRaftAddr(), 0, "Raft address");
      if (raft.port() == 0 || Addresses.isUnspecified(raft.host())) {
        throw new InvalidArgumentException("a joining manager must send the host:port of its Raft server, not \"" + req.getRaftAddr() + "\"");
      }
      NodeObject node = store.view(tx -> tx.nodes().get(nodeId));
      if (node.role() != NodeObject.Role.MANAGER) {
        throw new shoal.errors.ForbiddenException("node " + nodeId + " is not a manager of this swarm");
      }
      log.info("adding node {} to the Raft group at {}", nodeId, raft);
      store.addManager(nodeId, raft.toString());
      String cluster = new Addresses.HostPort(raft.host(), raft.port() - 1).toString();
      store.update(tx -> {
        tx.nodes().find(nodeId).ifPresent(n -> tx.nodes().update(n.withManagerStatus(
            new NodeObject.ManagerStatus(nodeId, cluster, NodeObject.Reachability.REACHABLE, false))));
        return null;
      });
      out.onNext(RaftJoinResponse.getDefaultInstance());
      out.onCompleted();
    } catch (StoreException e) {
      out.onError(ClusterStatus.toStatus(StoreErrors.map(e)));
    } catch (ShoalException | IllegalArgumentException e) {
      out.onError(ClusterStatus.toStatus(e));
    }
  }
}
