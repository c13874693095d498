package shoal.manager.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.EndpointSpec;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.NetworkObject.Ipam;
import shoal.manager.store.objects.NetworkObject.Spec;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.StoreObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;

/** The allocator on a real one-manager store. */
class AllocatorTest {
  @TempDir
  Path dir;

  private AllocatorHarness h;

  @BeforeEach
  void start() throws Exception {
    h = AllocatorHarness.start(dir, new ClusterObject.AddressPool(List.of("10.0.0.0/8"), 24));
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private String allocatedNetwork(Spec spec) throws InterruptedException {
    String id = h.network(spec);
    h.await("network " + spec.name() + " allocated", () -> h.network(id).allocated());
    return id;
  }

  private TaskObject pending(String taskId) throws InterruptedException {
    h.await("task " + taskId + " pending", () -> h.task(taskId).status().state() == TaskState.PENDING);
    return h.task(taskId);
  }

  private static Ipv4Address addr(String withPrefix) {
    return Ipv4Address.parse(withPrefix.substring(0, withPrefix.indexOf('/')));
  }

  @Test
  void networksGetPoolSubnetsGatewaysAndVnisInOrderAndARemovedOnesAreReused() throws Exception {
    String a = allocatedNetwork(Spec.named("a"));
    String b = allocatedNetwork(Spec.named("b"));
    assertThat(h.network(a).allocation()).isEqualTo(new NetworkObject.Allocation("10.0.0.0/24", "10.0.0.1", "", 4097));
    assertThat(h.network(b).allocation()).isEqualTo(new NetworkObject.Allocation("10.0.1.0/24", "10.0.1.1", "", 4098));
    h.write(tx -> tx.networks().delete(a));
    String c = allocatedNetwork(Spec.named("c"));
    assertThat(h.network(c).allocation()).isEqualTo(new NetworkObject.Allocation("10.0.0.0/24", "10.0.0.1", "", 4097));
  }

  @Test
  void aNetworkWhoseRequestedSubnetAnotherTookMeanwhileIsRemoved() throws Exception {
    allocatedNetwork(Spec.named("a").withIpam(new Ipam("10.9.0.0/16", "", "")));
    String late = h.network(Spec.named("late").withIpam(new Ipam("10.9.8.0/24", "", "")));
    h.await("the late network removed", () -> h.view(tx -> tx.networks().find(late).isEmpty()));
  }

  @Test
  void newTasksGetOneUniqueAddressPerNetworkOfTheirServiceBeforeTheyArePending() throws Exception {
    String a = allocatedNetwork(Spec.named("a"));
    String b = allocatedNetwork(Spec.named("b"));
    String web = h.service("web", EndpointSpec.Mode.VIP, a, b);
    List<TaskObject> tasks = new ArrayList<>();
    for (int slot = 1; slot <= 5; slot++) {
      tasks.add(pending(h.task(web, slot)));
    }
    Set<String> seen = new HashSet<>();
    for (TaskObject t : tasks) {
      assertThat(t.status().message()).isEqualTo("pending task scheduling");
      assertThat(t.networks()).extracting(TaskObject.NetworkAttachment::networkId).containsExactly(a, b);
      for (TaskObject.NetworkAttachment at : t.networks()) {
        NetworkObject n = h.network(at.networkId());
        assertThat(at.addresses()).singleElement().satisfies(addr -> {
          assertThat(addr).endsWith("/24");
          assertThat(Ipv4Subnet.parse(n.allocation().subnet()).contains(addr(addr))).isTrue();
          assertThat(addr(addr).toString()).isNotEqualTo(n.allocation().gateway());
        });
        seen.add(at.addresses().getFirst());
      }
    }
    ServiceObject s = h.service(web);
    assertThat(s.endpoint().virtualIps()).extracting(ServiceObject.VirtualIp::networkId).containsExactly(a, b);
    s.endpoint().virtualIps().forEach(v -> seen.add(v.addr()));
    assertThat(seen).hasSize(2 * 5 + 2);
  }

  @Test
  void aTaskWithoutNetworksIsPendingWithoutAddressesAndADnsrrServiceHasNoVip() throws Exception {
    String a = allocatedNetwork(Spec.named("a"));
    String plain = h.service("plain", EndpointSpec.Mode.VIP);
    assertThat(pending(h.task(plain, 1)).networks()).isEmpty();
    String rr = h.service("rr", EndpointSpec.Mode.DNSRR, a);
    assertThat(pending(h.task(rr, 1)).networks()).hasSize(1);
    assertThat(h.service(rr).endpoint().virtualIps()).isEmpty();
    assertThat(h.service(rr).endpoint().spec().mode()).isEqualTo(EndpointSpec.Mode.DNSRR);
  }

  @Test
  void aFullNetworkHoldsTheTaskNewUntilATaskStoppedForGoodGivesItsAddressBack() throws Exception {
    // A /29 has 6 host addresses: the gateway, the VIP and 4 tasks.
    String small = allocatedNetwork(Spec.named("small").withIpam(new Ipam("10.7.0.0/29", "", "")));
    String web = h.service("web", EndpointSpec.Mode.VIP, small);
    List<TaskObject> four = new ArrayList<>();
    for (int slot = 1; slot <= 4; slot++) {
      four.add(pending(h.task(web, slot)));
    }
    String fifth = h.task(web, 5);
    h.await("the fifth task's reason", () -> h.task(fifth).status().err().startsWith(AddressSpace.FULL));
    assertThat(h.task(fifth).status().state()).isEqualTo(TaskState.NEW);

    TaskObject gone = four.get(1);
    // Wanted stopped but still running: its address is still its own.
    h.updateTask(gone.id(), t -> t.withNodeId("n1")
        .withStatus(t.status().next(TaskState.RUNNING, "started", java.time.Instant.now()))
        .withDesiredState(TaskState.SHUTDOWN));
    Thread.sleep(300);
    assertThat(h.task(fifth).status().state()).isEqualTo(TaskState.NEW);
    h.updateTask(gone.id(), t -> t.withStatus(t.status().next(TaskState.SHUTDOWN, "shutdown", java.time.Instant.now())));
    assertThat(pending(fifth).networks().getFirst().addresses()).isEqualTo(gone.networks().getFirst().addresses());
  }

  @Test
  void aServiceThatLeavesANetworkOrIsRemovedGivesItsVipBack() throws Exception {
    String a = allocatedNetwork(Spec.named("a").withIpam(new Ipam("10.7.0.0/30", "", "")));
    String web = h.service("web", EndpointSpec.Mode.VIP, a);
    h.await("web's VIP", () -> h.service(web).endpoint().virtualIps().size() == 1);
    String vip = h.service(web).endpoint().virtualIps().getFirst().addr();
    assertThat(vip).isEqualTo("10.7.0.2/30");

    h.updateService(web, spec -> spec.withTaskTemplate(spec.taskTemplate().withNetworks(List.of())));
    h.await("web without VIP", () -> h.service(web).endpoint().virtualIps().isEmpty());
    String api = h.service("api", EndpointSpec.Mode.VIP, a);
    h.await("api's VIP", () -> h.service(api).endpoint().virtualIps().size() == 1);
    assertThat(h.service(api).endpoint().virtualIps().getFirst().addr()).isEqualTo(vip);

    h.write(tx -> tx.services().delete(api));
    String db = h.service("db", EndpointSpec.Mode.VIP, a);
    h.await("db's VIP", () -> h.service(db).endpoint().virtualIps().size() == 1);
    assertThat(h.service(db).endpoint().virtualIps().getFirst().addr()).isEqualTo(vip);
  }

  @Test
  void afterALeaderChangeNothingIsReallocatedAndNewTasksGetFreshAddresses() throws Exception {
    String a = allocatedNetwork(Spec.named("a"));
    String web = h.service("web", EndpointSpec.Mode.VIP, a);
    List<String> tasks = new ArrayList<>();
    for (int slot = 1; slot <= 3; slot++) {
      tasks.add(pending(h.task(web, slot)).id());
    }
    // The highest address goes away: a new leader must not hand it out before the others.
    h.updateTask(tasks.get(2), t -> t.withDesiredState(TaskState.SHUTDOWN));
    Map<String, StoreObject> before = everything();

    h.restart();
    String next = h.task(web, 4);
    TaskObject fresh = pending(next);

    Map<String, StoreObject> after = everything();
    after.remove(next);
    assertThat(after).isEqualTo(before);
    Set<String> used = before.values().stream().filter(o -> o instanceof TaskObject)
        .flatMap(o -> ((TaskObject) o).networks().stream()).flatMap(n -> n.addresses().stream())
        .collect(Collectors.toSet());
    used.add(h.service(web).endpoint().virtualIps().getFirst().addr());
    assertThat(fresh.networks().getFirst().addresses().getFirst()).isNotIn(used);
  }

  private Map<String, StoreObject> everything() {
    return h.view(tx -> {
      List<StoreObject> all = new ArrayList<>();
      all.addAll(tx.networks().list());
      all.addAll(tx.services().list());
      all.addAll(tx.tasks().list());
      return all.stream().collect(Collectors.toMap(StoreObject::id, Function.identity()));
    });
  }
}
