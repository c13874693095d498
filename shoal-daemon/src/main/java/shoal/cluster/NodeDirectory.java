package shoal.cluster;

import java.util.List;
import java.util.Optional;

/** The CA's view of the cluster's nodes. The swarm service implements it over the store. */
public interface NodeDirectory extends RemovedNodes {
  /**
   * Records a node that proved a valid join token, once its certificate is signed and before it is
   * sent. Throws a {@link shoal.errors.ShoalException} to refuse it (e.g. no quorum); then nothing
   * may be recorded and the certificate is dropped.
   */
  void register(JoiningNode node);

  /** The role a node is to have now (promotion and demotion take effect at renewal); empty for a removed node. */
  Optional<NodeRole> roleOf(String nodeId);

  /** host:port of every manager's cluster port. */
  List<String> managerAddresses();
}
