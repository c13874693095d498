package shoal.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import shoal.errors.InvalidArgumentException;

/**
 * The cluster's current join secrets, one per role, and the recently rotated ones (kept only to
 * tell their holder why they fail). The swarm service keeps this value in the store.
 */
public record JoinSecrets(String worker, String manager, List<Retired> retired) {
  /** How many rotated secrets are remembered; older ones fail as any wrong token does. */
  public static final int MAX_RETIRED = 16;
  /** Docker's answer to a wrong token. */
  public static final String INVALID = "A valid join token is necessary to join this cluster";

  /** A secret that {@link #rotate} replaced. */
  public record Retired(NodeRole role, String secret) {
    public Retired {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(secret, "secret");
    }
  }

  public JoinSecrets {
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(manager, "manager");
    if (worker.equals(manager)) {
      throw new IllegalArgumentException("worker and manager join secrets must differ");
    }
    retired = List.copyOf(retired);
  }

  public static JoinSecrets generate() {
    return new JoinSecrets(JoinToken.newSecret(), JoinToken.newSecret(), List.of());
  }

  public String secret(NodeRole role) {
    return role == NodeRole.MANAGER ? manager : worker;
  }

  public JoinToken token(NodeRole role, String caDigest) {
    return new JoinToken(caDigest, secret(role));
  }

  /** The same secrets but a new one for {@code role}; the old one is remembered as rotated. */
  public JoinSecrets rotate(NodeRole role) {
    List<Retired> r = new ArrayList<>(retired);
    r.add(new Retired(role, secret(role)));
    while (r.size() > MAX_RETIRED) {
      r.removeFirst();
    }
    String fresh = JoinToken.newSecret();
    return role == NodeRole.MANAGER ? new JoinSecrets(worker, fresh, r) : new JoinSecrets(fresh, manager, r);
  }

  /**
   * The role {@code token} admits into the cluster whose root CA has {@code caDigest}.
   *
   * @throws InvalidArgumentException Docker's "A valid join token is necessary to join this
   *     cluster", with the advice to fetch the current token when it is a rotated one
   */
  public NodeRole admit(JoinToken token, String caDigest) {
    boolean ourCa = same(token.caDigest(), caDigest);
    if (ourCa && same(token.secret(), manager)) {
      return NodeRole.MANAGER;
    }
    if (ourCa && same(token.secret(), worker)) {
      return NodeRole.WORKER;
    }
    for (Retired old : retired) {
      if (ourCa && same(token.secret(), old.secret())) {
        String role = old.role().dockerName();
        throw new InvalidArgumentException(INVALID + ": this " + role + " join token was rotated;"
            + " ask a manager for the current one with `docker swarm join-token " + role + "`");
      }
    }
    throw new InvalidArgumentException(INVALID);
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "JoinSecrets[" + retired.size() + " retired]";
  }
}
