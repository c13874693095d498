package shoal.cluster;

/** Who may call a method of the cluster port. */
public enum Access {
  /** Anyone who completes the TLS handshake, certificate or not: {@code NodeCa/Join} only. */
  UNAUTHENTICATED,
  /** Any node of the cluster that was not removed. */
  ANY_NODE,
  /** Managers of the cluster that were not removed. */
  MANAGER
}
