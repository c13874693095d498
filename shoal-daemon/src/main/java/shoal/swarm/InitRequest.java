package shoal.swarm;

import java.util.List;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.NodeObject;

/**
 * {@code POST /swarm/init}.
 *
 * @param listenAddr host[:port] of the cluster port (default 0.0.0.0:2377)
 * @param advertiseAddr host[:port] others reach this manager at (default: the system's address)
 * @param defaultAddrPool subnets swarm networks take theirs from (empty: 10.0.0.0/8)
 * @param subnetSize the prefix length of those subnets (0: 24)
 * @param spec the cluster's settings; unset values take Shoal's defaults
 */
public record InitRequest(
    String listenAddr, String advertiseAddr, List<String> defaultAddrPool, int subnetSize,
    boolean forceNewCluster, ClusterObject.Spec spec, NodeObject.Availability availability) {}
