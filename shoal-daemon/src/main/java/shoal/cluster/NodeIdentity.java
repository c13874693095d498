package shoal.cluster;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a node is in the cluster: its private key, its certificate chain (own certificate first)
 * and the root CA the chain ends at. Node ID, role and cluster ID are read from the certificate.
 * Construction checks that the key is the certificate's and that the chain leads to the root.
 */
public record NodeIdentity(PrivateKey key, List<X509Certificate> chain, X509Certificate root) {
  public NodeIdentity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(root, "root");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a node identity needs a certificate");
    }
    if (!Pem.matches(key, chain.getFirst().getPublicKey())) {
      throw new IllegalArgumentException("the node key does not belong to its certificate");
    }
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : root;
      try {
        chain.get(i).verify(issuer.getPublicKey());
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("the node certificate is not signed by the cluster's root CA", e);
      }
    }
    Certificates.role(chain.getFirst()); // a node certificate, or fail here rather than at first use
  }

  public X509Certificate certificate() {
    return chain.getFirst();
  }

  public String nodeId() {
    return Certificates.nodeId(certificate());
  }

  public NodeRole role() {
    return Certificates.role(certificate());
  }

  public String clusterId() {
    return Certificates.clusterId(certificate());
  }

  public Instant notAfter() {
    return certificate().getNotAfter().toInstant();
  }

  /** The digest join tokens of this cluster carry. */
  public String caDigest() {
    return JoinToken.digestOf(root);
  }

  /** The chain a TLS peer is shown: the node's certificates and the root, so joiners can pin it. */
  List<X509Certificate> presentedChain() {
    List<X509Certificate> all = new ArrayList<>(chain);
    all.add(root);
    return all;
  }

  @Override
  public String toString() {
    return "NodeIdentity[" + nodeId() + " " + role().ou() + " of " + clusterId() + " until " + notAfter() + "]";
  }
}
