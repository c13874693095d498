package shoal.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.errors.ConflictException;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.manager.allocator.Allocator;
import shoal.manager.allocator.Ingress;
import shoal.manager.dispatcher.StandaloneAttachments;
import shoal.manager.store.Store;
import shoal.manager.store.StoreConfig;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.Ids;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskTemplate;
import shoal.net.NetworkCreateRequest;

/** Swarm networks through the manager's controls, on a real one-manager store with the allocator. */
class NetworkControlTest {
  @TempDir
  Path dir;

  private Store store;
  private Allocator allocator;
  private NetworkControl networks;
  private ServiceControl services;

  @BeforeEach
  void start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    store = Store.bootstrap(new StoreConfig(dir, Ids.newId(), Ids.newId(),
        new InetSocketAddress("127.0.0.1", port), "127.0.0.1:" + port, null, 0));
    store.awaitLeader(Duration.ofSeconds(20));
    ClusterObject.AddressPool pool = new ClusterObject.AddressPool(List.of("10.20.0.0/22"), 24);
    store.update(tx -> {
      tx.cluster().create(new ClusterObject(Ids.newId(), null, null, null, null, pool));
      tx.networks().create(Ingress.network(pool));
      return null;
    });
    allocator = new Allocator(store);
    Thread.ofPlatform().daemon().start(() -> {
      try {
        allocator.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    networks = new NetworkControl(store);
    services = new ServiceControl(store, sel -> {
      throw new UnsupportedOperationException();
    }, Clock.systemUTC());
  }

  @AfterEach
  void stop() throws IOException {
    allocator.stop();
    store.close();
  }

  private static NetworkCreateRequest overlay(String name, String subnet, Map<String, String> options) {
    List<NetworkCreateRequest.IpamConfig> ipam = subnet == null ? List.of()
        : List.of(new NetworkCreateRequest.IpamConfig(subnet, "", "", Map.of()));
    return new NetworkCreateRequest(name, "overlay", false, true, false, false, false, "", "", "", ipam,
        Map.of(), options, Map.of("team", "blue"));
  }

  private static NetworkCreateRequest overlay(String name) {
    return overlay(name, null, Map.of());
  }

  private static ServiceSpec service(String name, String... networks) {
    return ServiceSpec.of(name, TaskTemplate.of(ContainerSpec.of("busybox")).withNetworks(
        java.util.Arrays.stream(networks).map(n -> new TaskTemplate.NetworkAttachmentConfig(n, null, null)).toList()));
  }

  @Test
  void theIngressOfInitIsThePoolsFirstSubnetWithVni4096() {
    NetworkObject ingress = networks.get("ingress");
    assertThat(ingress.spec().ingress()).isTrue();
    assertThat(ingress.spec().attachable()).isFalse();
    assertThat(ingress.allocation()).isEqualTo(new NetworkObject.Allocation("10.20.0.0/24", "10.20.0.1", "", 4096));
  }

  @Test
  void aCreatedOverlayIsAllocatedWhenCreateReturnsWithWhatWasAsked() {
    NetworkObject n = networks.create(overlay("front", null, Map.of("encrypted", "")));
    assertThat(n.allocation()).isEqualTo(new NetworkObject.Allocation("10.20.1.0/24", "10.20.1.1", "", 4097));
    assertThat(n.spec().encrypted()).isTrue();
    assertThat(n.spec().attachable()).isTrue();
    assertThat(n.spec().labels()).containsEntry("team", "blue");
    assertThat(networks.get(n.id().substring(0, 5))).isEqualTo(networks.get("front"));
  }

  @Test
  void anOverlappingSubnetATakenNameAPredefinedNameAndAFullPoolAreRefusedAndNothingIsStored() {
    networks.create(overlay("front", "10.30.0.0/16", Map.of()));
    int before = networks.list().size();
    assertThatThrownBy(() -> networks.create(overlay("back", "10.30.5.0/24", Map.of())))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("overlaps the subnet 10.30.0.0/16 of network front");
    assertThatThrownBy(() -> networks.create(overlay("front")))
        .isInstanceOf(ConflictException.class).hasMessage("network with name front already exists");
    assertThatThrownBy(() -> networks.create(overlay("host")))
        .isInstanceOf(ForbiddenException.class).hasMessage("host is a pre-defined network and cannot be created");
    networks.create(overlay("b1"));
    networks.create(overlay("b2"));
    networks.create(overlay("b3"));
    assertThatThrownBy(() -> networks.create(overlay("b4"))).isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("could not find an available, non-overlapping IPv4 address pool");
    assertThat(networks.list()).hasSize(before + 3);
  }

  @Test
  void aServiceNamesItsNetworksByNameAndTheStoreKeepsTheirIds() {
    String front = networks.create(overlay("front")).id();
    String id = services.create(service("web", "front"));
    assertThat(services.get(id).spec().taskTemplate().networks()).singleElement()
        .satisfies(c -> assertThat(c.target()).isEqualTo(front));
    assertThatThrownBy(() -> services.create(service("api", "nope")))
        .isInstanceOf(NotFoundException.class).hasMessage("network nope not found");
    assertThatThrownBy(() -> services.create(service("api", "ingress")))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("cannot be explicitly attached to the ingress network");
  }

  @Test
  void aNetworkAServiceUsesCannotBeRemovedAndStaysAsItWas() {
    NetworkObject front = networks.create(overlay("front"));
    String web = services.create(service("web", "front"));
    assertThatThrownBy(() -> networks.remove("front")).isInstanceOf(InvalidArgumentException.class)
        .hasMessage("rpc error: code = FailedPrecondition desc = network " + front.id() + " is in use by service " + web);
    assertThat(networks.get("front")).isEqualTo(front);
    services.remove(web);
    networks.remove("front");
    assertThat(networks.find("front")).isEmpty();
    assertThatThrownBy(() -> networks.remove("front")).isInstanceOf(NotFoundException.class)
        .hasMessage("network front not found");
  }

  @Test
  void aNetworkWithAnAttachedContainerCannotBeRemovedUntilItsDetached() {
    NetworkObject front = networks.create(overlay("front"));
    store.update(tx -> {
      tx.nodes().create(new NodeObject("n1", null, null, null, null, null, null, null));
      return null;
    });
    StandaloneAttachments attachments = new StandaloneAttachments(store);
    String attachment = attachments.attach("n1", "front", "c1").attachment().id();
    assertThatThrownBy(() -> networks.remove("front")).isInstanceOf(InvalidArgumentException.class)
        .hasMessage("rpc error: code = FailedPrecondition desc = network " + front.id() + " is in use by task " + attachment);
    assertThat(networks.get("front")).isEqualTo(front);
    assertThat(networks.inUse(front)).isTrue();
    attachments.detach("n1", "c1", front.id());
    networks.remove("front");
    assertThat(networks.find("front")).isEmpty();
  }

  @Test
  void peersAreTheNodesHostingARunningTaskOrAnAttachmentOnTheNetworkButNotDownOnes() {
    NetworkObject front = networks.create(overlay("front"));
    store.update(tx -> {
      tx.nodes().create(node("n1", "h1", "192.168.9.1", NodeObject.State.READY));
      tx.nodes().create(node("n2", "h2", "192.168.9.2", NodeObject.State.READY));
      tx.nodes().create(node("n3", "h3", "192.168.9.3", NodeObject.State.DOWN));
      tx.nodes().create(node("n4", "h4", "192.168.9.4", NodeObject.State.READY));
      tx.tasks().create(task("t1", "n1", TaskState.RUNNING, front.id(), "10.20.1.3/24"));
      tx.tasks().create(task("t3", "n3", TaskState.RUNNING, front.id(), "10.20.1.4/24"));
      tx.tasks().create(task("t4", "n4", TaskState.FAILED, front.id(), "10.20.1.5/24"));
      return null;
    });
    new StandaloneAttachments(store).attach("n2", "front", "c1");
    assertThat(networks.peers(front)).containsExactly(
        new SwarmNetworks.Peer("h1", "192.168.9.1"), new SwarmNetworks.Peer("h2", "192.168.9.2"));
  }

  private static NodeObject node(String id, String hostname, String addr, NodeObject.State state) {
    return new NodeObject(id, null, null, null, new NodeObject.Status(state, "", addr),
        new NodeObject.Description(hostname, null, null, null), null, null);
  }

  private static TaskObject task(String id, String node, TaskState state, String networkId, String address) {
    return new TaskObject(id, null, "s1", "web", 1, node, TaskTemplate.of(ContainerSpec.of("busybox")), 1,
        TaskState.RUNNING, TaskObject.Status.of(state, "", java.time.Instant.EPOCH),
        List.of(new TaskObject.NetworkAttachment(networkId, List.of(address))));
  }
}
