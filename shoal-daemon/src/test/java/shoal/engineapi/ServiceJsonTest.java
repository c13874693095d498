package shoal.engineapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.EndpointSpec;
import shoal.manager.store.objects.Placement;
import shoal.manager.store.objects.RestartPolicy;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskTemplate;
import shoal.manager.store.objects.UpdateConfig;
import shoal.swarm.ServiceStatus;

/** Services and tasks in Docker's JSON: what the CLI reads back must be what it sent. */
class ServiceJsonTest {
  private final ObjectMapper json = Json.mapper();

  private static ServiceSpec rich() {
    ContainerSpec c = new ContainerSpec("busybox:1.36", Map.of("team", "a"), List.of("sh", "-c"), List.of("sleep 1d"),
        "box", List.of("A=1"), "/tmp", "nobody", true, true, "SIGINT", Duration.ofMillis(1500));
    TaskTemplate t = new TaskTemplate(c, new RestartPolicy(RestartPolicy.Condition.ON_FAILURE, Duration.ofSeconds(2), 3, Duration.ofMinutes(1)),
        new Placement(List.of("node.role==manager"), 2), List.of(), 4);
    return new ServiceSpec("web", Map.of("tier", "front"), t, ServiceSpec.Mode.replicated(3),
        new UpdateConfig(2, Duration.ofSeconds(1), UpdateConfig.FailureAction.ROLLBACK, Duration.ofSeconds(3), 0.5, UpdateConfig.Order.START_FIRST),
        UpdateConfig.defaults().withOrder(UpdateConfig.Order.START_FIRST), new EndpointSpec(EndpointSpec.Mode.DNSRR, List.of()));
  }

  @Test
  void aSpecReadBackIsTheSpecThatWasWritten() {
    ServiceSpec s = rich();
    assertThat(ServiceJson.specOf(ServiceJson.spec(json, s))).isEqualTo(s);
    ServiceSpec global = ServiceSpec.of("g", TaskTemplate.of(ContainerSpec.of("busybox"))).withMode(ServiceSpec.Mode.global());
    assertThat(ServiceJson.specOf(ServiceJson.spec(json, global))).isEqualTo(global);
  }

  @Test
  void enumsAndDurationsAreWrittenInDockersWords() {
    JsonNode o = ServiceJson.of(json, ServiceObject.of("id1", rich()).withUpdateStatus(
        new ServiceObject.UpdateStatus(ServiceObject.UpdateState.ROLLBACK_STARTED, Instant.EPOCH, null, "manually requested rollback")),
        new ServiceStatus(2, 3, 0));
    JsonNode spec = o.path("Spec");
    assertThat(spec.path("Mode").path("Replicated").path("Replicas").asLong()).isEqualTo(3);
    assertThat(spec.path("TaskTemplate").path("RestartPolicy").path("Condition").asText()).isEqualTo("on-failure");
    assertThat(spec.path("TaskTemplate").path("ContainerSpec").path("StopGracePeriod").asLong()).isEqualTo(1_500_000_000L);
    assertThat(spec.path("UpdateConfig").path("Order").asText()).isEqualTo("start-first");
    assertThat(spec.path("UpdateConfig").path("FailureAction").asText()).isEqualTo("rollback");
    assertThat(spec.path("EndpointSpec").path("Mode").asText()).isEqualTo("dnsrr");
    assertThat(o.path("UpdateStatus").path("State").asText()).isEqualTo("rollback_started");
    assertThat(o.path("ServiceStatus").path("RunningTasks").asLong()).isEqualTo(2);
    assertThat(o.path("ServiceStatus").path("DesiredTasks").asLong()).isEqualTo(3);
  }

  @Test
  void aTaskShowsItsSlotNodeStatusAndContainer() {
    TaskObject t = new TaskObject("t1", null, "s1", "web", 2, "n1", rich().taskTemplate(), 1, TaskObject.TaskState.RUNNING,
        new TaskObject.Status(TaskObject.TaskState.FAILED, "started", "task: non-zero exit (3)", Instant.EPOCH,
            new TaskObject.ContainerStatus("c1", 0, 3), null), null);
    JsonNode o = TaskJson.of(json, t);
    assertThat(o.path("Slot").asLong()).isEqualTo(2);
    assertThat(o.path("NodeID").asText()).isEqualTo("n1");
    assertThat(o.path("DesiredState").asText()).isEqualTo("running");
    assertThat(o.path("Status").path("State").asText()).isEqualTo("failed");
    assertThat(o.path("Status").path("Err").asText()).isEqualTo("task: non-zero exit (3)");
    assertThat(o.path("Status").path("ContainerStatus").path("ExitCode").asInt()).isEqualTo(3);
    assertThat(o.path("Spec")).isEqualTo(ServiceJson.taskTemplate(json, rich().taskTemplate()));
    assertThat(TaskJson.of(json, t.withNodeId("")).has("NodeID")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"Mode\":{\"Replicated\":{},\"Global\":{}}}|cannot specify both replicated mode and global mode",
      "{\"Mode\":{\"ReplicatedJob\":{}}}|job services (replicated-job, global-job) are not supported",
      "{\"Mode\":{\"Replicated\":{\"Replicas\":-1}}}|invalid replicas value: -1",
      "{\"TaskTemplate\":{\"RestartPolicy\":{\"Condition\":\"always\"}}}|invalid RestartCondition: \"always\"",
      "{\"UpdateConfig\":{\"Order\":\"sideways\"}}|invalid update Order: \"sideways\"",
      "{\"EndpointSpec\":{\"Mode\":\"anycast\"}}|invalid ResolutionMode: \"anycast\""})
  void specsThatCannotRunAreRefused(String body, String message) throws Exception {
    assertThatThrownBy(() -> ServiceJson.specOf(json.readTree(body)))
        .isInstanceOf(InvalidArgumentException.class).hasMessage(message);
  }
}
