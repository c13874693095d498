package shoal.cluster;

import java.time.Duration;

/**
 * What the CA needs from the cluster's state, read at each call so that a rotation or a
 * {@code swarm update --cert-expiry} applies at once. The swarm service implements it over the store.
 */
public interface CaKeySource {
  /** The cluster ID, written as O in every node certificate. */
  String clusterId();

  /** The root CA with its private key. */
  RootCa rootCa();

  /** The current join secrets (and the rotated ones). */
  JoinSecrets joinSecrets();

  /** Validity of the node certificates issued now ({@link RootCa#DEFAULT_NODE_VALIDITY} unless updated). */
  Duration certExpiry();
}
