package shoal.cluster;

/** A node's role, as its certificate's OU says it. */
public enum NodeRole {
  WORKER("swarm-worker", shoal.proto.NodeRole.NODE_ROLE_WORKER),
  MANAGER("swarm-manager", shoal.proto.NodeRole.NODE_ROLE_MANAGER);

  private final String ou;
  private final shoal.proto.NodeRole proto;

  NodeRole(String ou, shoal.proto.NodeRole proto) {
    this.ou = ou;
    this.proto = proto;
  }

  /** The certificate's organizational unit for this role. */
  public String ou() {
    return ou;
  }

  public shoal.proto.NodeRole toProto() {
    return proto;
  }

  /** Docker's lower-case name ("worker", "manager"), as in {@code swarm join-token worker}. */
  public String dockerName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static NodeRole ofOu(String ou) {
    for (NodeRole r : values()) {
      if (r.ou.equals(ou)) {
        return r;
      }
    }
    throw new IllegalArgumentException("not a node role: " + ou);
  }

  public static NodeRole ofProto(shoal.proto.NodeRole proto) {
    for (NodeRole r : values()) {
      if (r.proto == proto) {
        return r;
      }
    }
    throw new IllegalArgumentException("not a node role: " + proto);
  }
}
