package shoal.cluster;

/**
 * A node the CA admits: the ID it was given, the role its token grants, and what it said of itself.
 *
 * @param advertiseAddr host:port the node asked to be reached at; empty when it left the choice to
 *     the manager, which may then use {@code remoteHost}
 * @param remoteHost the IP address its connection came from, as the manager saw it
 */
public record JoiningNode(String nodeId, NodeRole role, String hostname, String advertiseAddr, String remoteHost) {}
