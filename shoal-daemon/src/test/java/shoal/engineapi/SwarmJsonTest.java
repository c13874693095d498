package shoal.engineapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.NodeObject;
import shoal.swarm.InitRequest;

class SwarmJsonTest {
  private static final ObjectMapper JSON = Json.mapper();

  @Test
  void theInitBodyOfDockersCliLeavesUnsetDurationsAtZero() throws Exception {
    InitRequest r = SwarmJson.initRequest(JSON.readTree("""
        {"ListenAddr":"0.0.0.0:2377","AdvertiseAddr":"192.168.77.11","DataPathAddr":"","DataPathPort":0,
         "DefaultAddrPool":null,"ForceNewCluster":false,"Spec":{"Labels":null,"Orchestration":{},"Raft":{"ElectionTick":0,"HeartbeatTick":0},
         "Dispatcher":{},"CAConfig":{},"TaskDefaults":{},"EncryptionConfig":{"AutoLockManagers":false}},
         "AutoLockManagers":false,"Availability":"active","SubnetSize":0}"""));
    assertThat(r.advertiseAddr()).isEqualTo("192.168.77.11");
    assertThat(r.defaultAddrPool()).isEmpty();
    assertThat(r.spec().dispatcher().heartbeatPeriod()).isZero();
    assertThat(r.spec().caConfig().nodeCertExpiry()).isZero();
    assertThat(r.spec().raft()).isEqualTo(ClusterObject.Raft.defaults());
    assertThat(r.availability()).isEqualTo(NodeObject.Availability.ACTIVE);
  }

  @Test
  void aSwarmUpdateBodyKeepsItsDurationsInNanoseconds() throws Exception {
    ClusterObject.Spec s = SwarmJson.specOf(JSON.readTree("""
        {"Name":"default","Labels":{"a":"b"},"Dispatcher":{"HeartbeatPeriod":2000000000},
         "CAConfig":{"NodeCertExpiry":172800000000000},"Raft":{"SnapshotInterval":500}}"""));
    assertThat(s.dispatcher().heartbeatPeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.caConfig().nodeCertExpiry()).isEqualTo(Duration.ofHours(48));
    assertThat(s.labels()).containsEntry("a", "b");
    assertThat(s.raft().snapshotInterval()).isEqualTo(500);
    var back = SwarmJson.spec(JSON, s);
    assertThat(back.path("Dispatcher").path("HeartbeatPeriod").asLong()).isEqualTo(2_000_000_000L);
    assertThat(back.path("CAConfig").path("NodeCertExpiry").asLong()).isEqualTo(172_800_000_000_000L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "{\"Role\":\"boss\",\"Availability\":\"active\"}; invalid Role: \"boss\"",
      "{\"Role\":\"worker\"}; invalid Availability: \"\"",
      "{\"Availability\":\"drain\"}; invalid Role: \"\""})
  void aNodeSpecNeedsARoleAndAnAvailabilityAsDockerSays(String body, String message) throws Exception {
    assertThatThrownBy(() -> NodeJson.specOf(JSON.readTree(body)))
        .isInstanceOf(InvalidArgumentException.class).hasMessage(message);
  }

  @Test
  void theTaskHistoryLimitOfSwarmUpdateIsKeptAndShownAndAnEmptyOrchestrationTakesTheDefault() throws Exception {
    ClusterObject.Spec s = SwarmJson.specOf(JSON.readTree("{\"Orchestration\":{\"TaskHistoryRetentionLimit\":2}}"));
    assertThat(s.orchestration().taskHistoryRetentionLimit()).isEqualTo(2);
    assertThat(SwarmJson.spec(JSON, s).path("Orchestration").path("TaskHistoryRetentionLimit").asLong()).isEqualTo(2);
    assertThat(SwarmJson.specOf(JSON.readTree("{\"Orchestration\":{}}")).orchestration())
        .isEqualTo(ClusterObject.Orchestration.defaults());
  }

  @Test
  void aNodeSpecReadsItsLabelsRoleAndAvailability() throws Exception {
    NodeObject.Spec s = NodeJson.specOf(JSON.readTree(
        "{\"Name\":\"\",\"Labels\":{\"zone\":\"east\"},\"Role\":\"manager\",\"Availability\":\"drain\"}"));
    assertThat(s).isEqualTo(new NodeObject.Spec("", java.util.Map.of("zone", "east"), NodeObject.Role.MANAGER,
        NodeObject.Availability.DRAIN));
  }
}
