package shoal.manager.store;

import shoal.manager.store.objects.NodeObject.Reachability;

/**
 * One manager of the Raft group as this manager sees it. On the leader the reachability of every
 * manager is known; on a follower only its own and the leader's (others are UNKNOWN).
 *
 * @param nodeId the manager's node ID (its Raft peer ID)
 * @param addr the Raft address the others dial (host:port)
 */
public record ManagerInfo(String nodeId, String addr, boolean leader, Reachability reachability) {}
