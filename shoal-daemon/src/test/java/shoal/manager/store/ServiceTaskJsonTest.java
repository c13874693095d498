package shoal.manager.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.EndpointSpec;
import shoal.manager.store.objects.Meta;
import shoal.manager.store.objects.Placement;
import shoal.manager.store.objects.RestartPolicy;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.StoreObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.manager.store.objects.TaskTemplate;
import shoal.manager.store.objects.UpdateConfig;

/** Services and tasks survive the store's JSON (Raft entries, snapshots) unchanged. */
class ServiceTaskJsonTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

  static ServiceObject fullService() {
    ContainerSpec container = ContainerSpec.of("busybox:1.36")
        .withLabels(Map.of("tier", "web")).withCommand(List.of("/bin/sh", "-c"))
        .withArgs(List.of("sleep 1d")).withHostname("h").withEnv(List.of("A=1", "B=2"))
        .withDir("/tmp").withUser("1000:1000").withTty(true).withOpenStdin(true)
        .withStopSignal("SIGINT").withStopGracePeriod(Duration.ofSeconds(3));
    TaskTemplate template = TaskTemplate.of(container)
        .withRestartPolicy(new RestartPolicy(RestartPolicy.Condition.ON_FAILURE,
            Duration.ofMillis(200), 3, Duration.ofMinutes(1)))
        .withPlacement(new Placement(List.of("node.role==manager"), 2))
        .withNetworks(List.of(new TaskTemplate.NetworkAttachmentConfig("backend",
            List.of("api"), Map.of())))
        .withForceUpdate(4);
    ServiceSpec spec = ServiceSpec.of("web", template).withLabels(Map.of("a", "b"))
        .withMode(ServiceSpec.Mode.replicated(30))
        .withUpdateConfig(new UpdateConfig(2, Duration.ofSeconds(1),
            UpdateConfig.FailureAction.ROLLBACK, Duration.ofSeconds(7), 0.25,
            UpdateConfig.Order.START_FIRST))
        .withEndpointSpec(new EndpointSpec(EndpointSpec.Mode.DNSRR, List.of(
            new EndpointSpec.PortConfig("http", null, 80, 8080, null))));
    return new ServiceObject("s1", new Meta(7, T, T), spec,
        spec.withMode(ServiceSpec.Mode.replicated(3)),
        new ServiceObject.UpdateStatus(ServiceObject.UpdateState.PAUSED, T, null, "paused"),
        new ServiceObject.Endpoint(spec.endpointSpec(), spec.endpointSpec().ports(),
            List.of(new ServiceObject.VirtualIp("n1", "10.0.0.2/24"))));
  }

  private static StoreObject roundTrip(StoreObject o) throws Exception {
    return StoreJson.read(StoreJson.write(o), StoreObject.class);
  }

  @Test
  void aServiceWithEveryPartSetComesBackEqual() throws Exception {
    ServiceObject s = fullService();
    assertThat(roundTrip(s)).isEqualTo(s);
  }

  @Test
  void aGlobalServiceWithDefaultsComesBackEqual() throws Exception {
    ServiceObject s = ServiceObject.of("s2",
        ServiceSpec.of("g", TaskTemplate.of(ContainerSpec.of("busybox")))
            .withMode(ServiceSpec.Mode.global()));
    assertThat(roundTrip(s)).isEqualTo(s);
  }

  @Test
  void aTaskWithStatusContainerAndNetworksComesBackEqual() throws Exception {
    TaskObject t = TaskObject.newTask("t1", fullService(), 3, "", T).withNodeId("n1")
        .withStatus(TaskObject.Status.of(TaskState.FAILED, "task: non-zero exit (1)", T)
            .withErr("task: non-zero exit (1)")
            .withContainerStatus(new TaskObject.ContainerStatus("c1", 0, 1)))
        .withNetworks(List.of(new TaskObject.NetworkAttachment("n1", List.of("10.0.0.5/24"))));
    assertThat(roundTrip(t)).isEqualTo(t);
  }

  @Test
  void theJsonHoldsOnlyTheRecordsComponentsNotDerivedValues() {
    TaskObject t = TaskObject.newTask("t1", fullService(), 3, "", T);
    String json = new String(StoreJson.write(t), StandardCharsets.UTF_8);
    assertThat(json).contains("\"serviceName\":\"web\"", "\"slot\":3", "\"desiredState\":\"RUNNING\"")
        .doesNotContain("containerName", "\"name\":\"web.3\"", "isGlobal", "terminal");
  }

  @Test
  void anOldEntryWithoutTheNewFieldsDecodesWithDefaults() throws Exception {
    String old = "{\"@kind\":\"service\",\"id\":\"s9\",\"spec\":{\"name\":\"old\"}}";
    ServiceObject s = (ServiceObject) StoreJson.read(old.getBytes(StandardCharsets.UTF_8),
        StoreObject.class);
    assertThat(s.spec().mode()).isEqualTo(ServiceSpec.Mode.replicated(1));
    assertThat(s.spec().updateConfig()).isEqualTo(UpdateConfig.defaults());
    assertThat(s.spec().taskTemplate().restartPolicy()).isEqualTo(RestartPolicy.defaults());
    assertThat(s.previousSpec()).isNull();
  }

  @Test
  void namesFollowDocker() {
    ServiceObject s = fullService();
    assertThat(TaskObject.newTask("abc", s, 2, "", T).containerName()).isEqualTo("web.2.abc");
    assertThat(TaskObject.newTask("abc", s, 0, "node1", T).name()).isEqualTo("web.node1");
  }

  @Test
  void anUpdateKeepsThePreviousSpecAndARollbackSwapsThem() {
    ServiceObject s = fullService();
    ServiceSpec next = s.spec().withMode(ServiceSpec.Mode.replicated(5));
    ServiceObject updated = s.updatedTo(next);
    assertThat(updated.previousSpec()).isEqualTo(s.spec());
    assertThat(updated.updateStatus()).isNull();
    ServiceObject back = updated.rolledBack(T);
    assertThat(back.spec()).isEqualTo(s.spec());
    assertThat(back.previousSpec()).isEqualTo(next);
    assertThat(back.updateStatus().state()).isEqualTo(ServiceObject.UpdateState.ROLLBACK_STARTED);
  }
}
