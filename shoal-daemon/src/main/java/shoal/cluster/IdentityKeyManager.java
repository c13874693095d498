package shoal.cluster;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the node's current identity in every handshake, as server and as client. The alias is
 * the certificate's serial, so a handshake that straddles a renewal gets no key rather than a key
 * of another certificate; it fails and the caller's retry uses the new identity.
 */
final class IdentityKeyManager extends X509ExtendedKeyManager {
  private final CurrentIdentity self;

  IdentityKeyManager(CurrentIdentity self) {
    this.self = self;
  }

  private String alias(String keyType) {
    return keyType == null || keyType.toUpperCase(java.util.Locale.ROOT).startsWith("EC")
        ? self.get().certificate().getSerialNumber().toString(16)
        : null;
  }

  private NodeIdentity byAlias(String alias) {
    NodeIdentity id = self.get();
    return id.certificate().getSerialNumber().toString(16).equals(alias) ? id : null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return alias(keyType);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return alias(keyType);
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return chooseEngineClientAlias(keyTypes, issuers, null);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    for (String t : keyTypes == null ? new String[] {null} : keyTypes) {
      String a = alias(t);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    String a = alias(keyType);
    return a == null ? null : new String[] {a};
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return getServerAliases(keyType, issuers);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    NodeIdentity id = byAlias(alias);
    return id == null ? null : id.presentedChain().toArray(X509Certificate[]::new);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    NodeIdentity id = byAlias(alias);
    return id == null ? null : id.key();
  }
}
