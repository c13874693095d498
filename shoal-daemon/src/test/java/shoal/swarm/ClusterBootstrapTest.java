package shoal.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.agent.HostDescription;
import shoal.cluster.JoinToken;
import shoal.cluster.NodeRole;
import shoal.errors.InvalidArgumentException;
import shoal.manager.dispatcher.HeartbeatPolicy;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.NodeObject;

class ClusterBootstrapTest {
  private static final HostDescription HOST = new HostDescription("h1", "0.1.0", "linux", "x86_64", 2_000_000_000L, 1L << 30, Map.of());

  private static ClusterBootstrap boot(ClusterObject.Spec spec) {
    return ClusterBootstrap.create(new InitRequest("", "", List.of(), 0, false, spec, NodeObject.Availability.ACTIVE),
        new Addresses.HostPort("192.168.77.11", 2377), HOST, Instant.now());
  }

  @Test
  void initMakesAManagerCertificateTokensPinningTheRootAndTheFirstTwoObjects() {
    ClusterBootstrap b = boot(null);
    assertThat(b.identity().role()).isEqualTo(NodeRole.MANAGER);
    assertThat(b.identity().clusterId()).isEqualTo(b.cluster().id());
    assertThat(b.self().id()).isEqualTo(b.identity().nodeId());
    String digest = b.identity().caDigest();
    assertThat(JoinToken.parse(b.cluster().joinTokens().worker()).caDigest()).isEqualTo(digest);
    assertThat(b.cluster().joinTokens().manager()).isNotEqualTo(b.cluster().joinTokens().worker());
    assertThat(StoreDirectory.secretsOf(b.cluster().joinTokens())
        .admit(JoinToken.parse(b.cluster().joinTokens().manager()), digest)).isEqualTo(NodeRole.MANAGER);
    assertThat(b.self().managerStatus().leader()).isTrue();
    assertThat(b.self().managerStatus().addr()).isEqualTo("192.168.77.11:2377");
    assertThat(b.self().description().hostname()).isEqualTo("h1");
    assertThat(b.cluster().defaultAddressPool()).isEqualTo(new ClusterObject.AddressPool(List.of("10.0.0.0/8"), 24));
  }

  @Test
  void unsetSettingsTakeShoalsDefaultsAndGivenOnesStay() {
    ClusterObject.Spec unset = new ClusterObject.Spec(null, null, null,
        new ClusterObject.Dispatcher(Duration.ZERO), new ClusterObject.CaConfig(Duration.ZERO));
    ClusterObject.Spec s = ClusterBootstrap.withShoalDefaults(unset);
    assertThat(s.dispatcher().heartbeatPeriod()).isEqualTo(HeartbeatPolicy.DEFAULT_PERIOD);
    assertThat(s.caConfig().nodeCertExpiry()).isEqualTo(Duration.ofDays(90));
    assertThat(boot(null).cluster().spec().dispatcher().heartbeatPeriod()).isEqualTo(HeartbeatPolicy.DEFAULT_PERIOD);
    ClusterObject.Spec given = unset.withDispatcher(new ClusterObject.Dispatcher(Duration.ofSeconds(2)))
        .withCaConfig(new ClusterObject.CaConfig(Duration.ofHours(48)));
    assertThat(ClusterBootstrap.withShoalDefaults(given)).isEqualTo(given.withLabels(Map.of()));
  }

  @ParameterizedTest(name = "heartbeat {0} ms, expiry {1} min")
  @CsvSource({"50, 1440, heartbeat period", "1000, 59, minimum certificate expiry time is: 1h0m0s"})
  void settingsShoalCannotHonourAreRefused(long beatMillis, long expiryMinutes, String message) {
    ClusterObject.Spec s = new ClusterObject.Spec(null, null, null,
        new ClusterObject.Dispatcher(Duration.ofMillis(beatMillis)), new ClusterObject.CaConfig(Duration.ofMinutes(expiryMinutes)));
    assertThatThrownBy(() -> ClusterBootstrap.withShoalDefaults(s))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0} /{1}")
  @CsvSource({"10.0.0.0/33, 24", "10.0.0/8, 24", "10.0.0.0/16, 8", "10.0.0.0/8, 30", "300.0.0.0/8, 24"})
  void badAddressPoolsAreRefused(String pool, int size) {
    assertThatThrownBy(() -> ClusterBootstrap.pool(List.of(pool), size)).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void rotationReplacesOneTokenAndRemembersTheOldOneForItsMessage() {
    ClusterBootstrap b = boot(null);
    ClusterObject.JoinTokens t = b.cluster().joinTokens();
    String digest = b.identity().caDigest();
    String fresh = new JoinToken(digest, JoinToken.newSecret()).format();
    ClusterObject.JoinTokens rotated = ClusterControl.rotate(t, "worker", fresh);
    assertThat(rotated.worker()).isEqualTo(fresh);
    assertThat(rotated.manager()).isEqualTo(t.manager());
    assertThatThrownBy(() -> StoreDirectory.secretsOf(rotated).admit(JoinToken.parse(t.worker()), digest))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("was rotated");
    assertThat(StoreDirectory.secretsOf(rotated).admit(JoinToken.parse(fresh), digest)).isEqualTo(NodeRole.WORKER);
    ClusterObject.JoinTokens many = rotated;
    for (int i = 0; i < 40; i++) {
      many = ClusterControl.rotate(many, "manager", new JoinToken(digest, JoinToken.newSecret()).format());
    }
    assertThat(many.rotated()).hasSize(shoal.cluster.JoinSecrets.MAX_RETIRED);
  }
}
