package shoal.manager.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.objects.AttachmentObject;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.Meta;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.manager.store.objects.TaskTemplate;
import shoal.proto.Network;
import shoal.proto.NetworkPeers;
import shoal.proto.Peer;

/** Which networks and peers each node is sent: full on a session, then only differences. */
class NetworkDistributionTest {
  private final NetworkDistribution d = new NetworkDistribution();

  private static NetworkObject network(String id, int vni, long version) {
    return new NetworkObject(id, new Meta(version, Instant.EPOCH, Instant.EPOCH), NetworkObject.Spec.named("net-" + id),
        new NetworkObject.Allocation("10.0." + (vni - 4096) + ".0/24", "10.0." + (vni - 4096) + ".1", "", vni));
  }

  private static NodeObject node(String id, String addr, NodeObject.State state) {
    return new NodeObject(id, null, null, null, new NodeObject.Status(state, "", addr), null, null, null);
  }

  /** A task of n networks: {@code "A=10.0.1.2/24"} pairs. */
  private static TaskObject task(String id, String node, TaskState desired, TaskState state, String... networks) {
    List<TaskObject.NetworkAttachment> a = new ArrayList<>();
    for (String n : networks) {
      String[] kv = n.split("=");
      a.add(new TaskObject.NetworkAttachment(kv[0], List.of(kv[1])));
    }
    return new TaskObject(id, null, "s1", "web", 1, node, TaskTemplate.of(ContainerSpec.of("busybox")), 1,
        desired, TaskObject.Status.of(state, "", Instant.EPOCH), a);
  }

  private static TaskObject running(String id, String node, String... networks) {
    return task(id, node, TaskState.RUNNING, TaskState.RUNNING, networks);
  }

  private void loadTwoNodesAndNetworkA(Object... more) {
    List<Object> all = new ArrayList<>(List.of(node("n1", "192.168.0.1", NodeObject.State.READY),
        node("n2", "192.168.0.2", NodeObject.State.READY), node("n3", "192.168.0.3", NodeObject.State.READY),
        network("A", 4097, 10), network("B", 4098, 11)));
    all.addAll(List.of(more));
    d.load(all);
  }

  private static List<String> networkIds(NetworkDistribution.Changes c) {
    return c.added() == null ? List.of() : c.added().getNetworksList().stream().map(Network::getId).toList();
  }

  private static NetworkPeers peersOf(NetworkDistribution.Changes c, String networkId) {
    return c.peers().getNetworksList().stream().filter(p -> p.getNetworkId().equals(networkId)).findFirst().orElseThrow();
  }

  private static List<String> endpoints(NetworkPeers p) {
    return p.getUpsertedList().stream().map(Peer::getEndpointId).toList();
  }

  @Test
  void aSessionGetsItsNetworksAndThePeersOtherNodesHostButNotItsOwnEndpoints() {
    loadTwoNodesAndNetworkA(running("t1", "n1", "A=10.0.1.2/24"), running("t2", "n2", "A=10.0.1.3/24"),
        running("t3", "n2", "B=10.0.2.2/24"));
    NetworkDistribution.Changes n1 = d.full("n1");
    assertThat(n1.added().getFull()).isTrue();
    assertThat(networkIds(n1)).containsExactly("A");
    NetworkPeers a = peersOf(n1, "A");
    assertThat(a.getFull()).isTrue();
    assertThat(a.getUpsertedList()).containsExactly(Peer.newBuilder()
        .setEndpointId("t2").setIp("10.0.1.3").setMac("02:42:0a:00:01:03").setVtep("192.168.0.2").build());
    NetworkDistribution.Changes n2 = d.full("n2");
    assertThat(networkIds(n2)).containsExactly("A", "B");
    assertThat(endpoints(peersOf(n2, "A"))).containsExactly("t1");
    assertThat(peersOf(n2, "B").getFull()).isTrue();
    assertThat(peersOf(n2, "B").getUpsertedList()).isEmpty();
    NetworkDistribution.Changes n3 = d.full("n3");
    assertThat(n3.added().getFull()).isTrue();
    assertThat(n3.added().getNetworksList()).isEmpty();
    assertThat(n3.peers()).isNull();
  }

  @Test
  void everyNodeKnowsIngressWithoutATaskOnItAsDockersNetworkLsShows() {
    NetworkObject base = network("I", 4096, 12);
    NetworkObject ingress = base.withSpec(base.spec().withFlags(false, false, true));
    loadTwoNodesAndNetworkA(ingress, running("t1", "n1", "A=10.0.1.2/24"));
    assertThat(networkIds(d.full("n1"))).containsExactly("A", "I");
    assertThat(networkIds(d.full("n3"))).containsExactly("I");
    d.apply(new StoreEvent.Deleted(ingress));
    assertThat(d.drain().get("n3").removed().getRemovedList()).containsExactly("I");
  }

  @Test
  void aNetworkArrivesWithTheFirstTaskThatNeedsItAndLeavesWithTheLast() {
    loadTwoNodesAndNetworkA();
    d.full("n1");
    TaskObject t1 = task("t1", "n1", TaskState.RUNNING, TaskState.ASSIGNED, "A=10.0.1.2/24");
    d.apply(new StoreEvent.Created(t1));
    NetworkDistribution.Changes c = d.drain().get("n1");
    assertThat(networkIds(c)).containsExactly("A");
    assertThat(peersOf(c, "A").getFull()).isTrue();
    assertThat(c.removed()).isNull();
    TaskObject t2 = running("t2", "n1", "A=10.0.1.3/24");
    d.apply(new StoreEvent.Created(t2));
    assertThat(d.drain()).isEmpty();
    d.apply(new StoreEvent.Updated(t1, t1.withStatus(TaskObject.Status.of(TaskState.FAILED, "", Instant.EPOCH))));
    assertThat(d.drain()).isEmpty();
    d.apply(new StoreEvent.Deleted(t2));
    c = d.drain().get("n1");
    assertThat(c.added()).isNull();
    assertThat(c.peers()).isNull();
    assertThat(c.removed().getRemovedList()).containsExactly("A");
    assertThat(c.removed().getFull()).isFalse();
  }

  @Test
  void peersChangeIncrementallyAndStatusReportsSendNothing() {
    TaskObject t1 = running("t1", "n1", "A=10.0.1.2/24");
    loadTwoNodesAndNetworkA(t1);
    d.full("n1");
    d.full("n2");
    TaskObject t2 = task("t2", "n2", TaskState.RUNNING, TaskState.ASSIGNED, "A=10.0.1.3/24");
    d.apply(new StoreEvent.Created(t2));
    Map<String, NetworkDistribution.Changes> out = d.drain();
    NetworkPeers n1 = peersOf(out.get("n1"), "A");
    assertThat(n1.getFull()).isFalse();
    assertThat(endpoints(n1)).containsExactly("t2");
    assertThat(out.get("n1").added()).isNull();
    assertThat(networkIds(out.get("n2"))).containsExactly("A");
    assertThat(endpoints(peersOf(out.get("n2"), "A"))).containsExactly("t1");
    TaskObject t2running = t2.withStatus(TaskObject.Status.of(TaskState.RUNNING, "started", Instant.EPOCH));
    d.apply(new StoreEvent.Updated(t2, t2running));
    assertThat(d.drain()).isEmpty();
    d.apply(new StoreEvent.Updated(t2running, t2running.withDesiredState(TaskState.SHUTDOWN)));
    out = d.drain();
    assertThat(out).containsOnlyKeys("n1");
    assertThat(peersOf(out.get("n1"), "A").getRemovedList()).containsExactly("t2");
  }

  @ParameterizedTest
  @EnumSource(value = TaskState.class, names = {"COMPLETE", "SHUTDOWN", "FAILED", "REJECTED", "ORPHANED"})
  void aTaskThatEndedLeavesOtherNodesPeerTables(TaskState end) {
    TaskObject t2 = running("t2", "n2", "A=10.0.1.3/24");
    loadTwoNodesAndNetworkA(running("t1", "n1", "A=10.0.1.2/24"), t2);
    d.full("n1");
    d.apply(new StoreEvent.Updated(t2, t2.withStatus(TaskObject.Status.of(end, "", Instant.EPOCH))));
    assertThat(peersOf(d.drain().get("n1"), "A").getRemovedList()).containsExactly("t2");
  }

  @Test
  void aDownNodesEndpointsLeaveAndComeBackWithIt() {
    loadTwoNodesAndNetworkA(running("t1", "n1", "A=10.0.1.2/24"), running("t2", "n2", "A=10.0.1.3/24"));
    d.full("n1");
    NodeObject up = node("n2", "192.168.0.2", NodeObject.State.READY);
    NodeObject down = node("n2", "192.168.0.2", NodeObject.State.DOWN);
    d.apply(new StoreEvent.Updated(up, down));
    assertThat(peersOf(d.drain().get("n1"), "A").getRemovedList()).containsExactly("t2");
    d.apply(new StoreEvent.Updated(down, up));
    assertThat(endpoints(peersOf(d.drain().get("n1"), "A"))).containsExactly("t2");
  }

  @Test
  void aNodeWhoseAddressChangedHasItsEndpointsSentAgainWithTheNewTunnelEndpoint() {
    loadTwoNodesAndNetworkA(running("t1", "n1", "A=10.0.1.2/24"), running("t2", "n2", "A=10.0.1.3/24"));
    d.full("n1");
    d.apply(new StoreEvent.Updated(node("n2", "192.168.0.2", NodeObject.State.READY),
        node("n2", "192.168.0.9:2377", NodeObject.State.READY)));
    NetworkPeers p = peersOf(d.drain().get("n1"), "A");
    assertThat(p.getRemovedList()).isEmpty();
    assertThat(p.getUpsertedList()).singleElement().satisfies(peer -> {
      assertThat(peer.getEndpointId()).isEqualTo("t2");
      assertThat(peer.getVtep()).isEqualTo("192.168.0.9");
    });
  }

  @Test
  void anAttachmentBringsItsNetworkToItsNodeAndIsAPeerElsewhereUntilDeleted() {
    loadTwoNodesAndNetworkA(running("t1", "n1", "A=10.0.1.2/24"));
    d.full("n1");
    d.full("n2");
    AttachmentObject asked = AttachmentObject.of("x1", "n2", "c1", "A");
    d.apply(new StoreEvent.Created(asked));
    assertThat(d.drain()).isEmpty();
    AttachmentObject addressed = asked.withAddress("10.0.1.7/24");
    d.apply(new StoreEvent.Updated(asked, addressed));
    Map<String, NetworkDistribution.Changes> out = d.drain();
    assertThat(networkIds(out.get("n2"))).containsExactly("A");
    assertThat(endpoints(peersOf(out.get("n2"), "A"))).containsExactly("t1");
    assertThat(peersOf(out.get("n1"), "A").getUpserted(0).getIp()).isEqualTo("10.0.1.7");
    d.apply(new StoreEvent.Deleted(addressed));
    out = d.drain();
    assertThat(out.get("n2").removed().getRemovedList()).containsExactly("A");
    assertThat(out.get("n2").peers()).isNull();
    assertThat(peersOf(out.get("n1"), "A").getRemovedList()).containsExactly("x1");
  }

  @Test
  void aChangedNetworkIsSentAgainToTheNodesThatHaveItOnly() {
    NetworkObject a = network("A", 4097, 10);
    loadTwoNodesAndNetworkA(running("t1", "n1", "A=10.0.1.2/24"));
    d.full("n1");
    d.full("n2");
    NetworkObject relabelled = new NetworkObject("A", new Meta(12, Instant.EPOCH, Instant.EPOCH),
        a.spec().withFlags(true, false, false), a.allocation());
    d.apply(new StoreEvent.Updated(a, relabelled));
    Map<String, NetworkDistribution.Changes> out = d.drain();
    assertThat(out).containsOnlyKeys("n1");
    assertThat(out.get("n1").added().getNetworks(0).getAttachable()).isTrue();
    assertThat(out.get("n1").peers()).isNull();
  }

  @Test
  void aNodeWithoutASessionIsSentNothingUntilItsNextSessionGetsEverything() {
    loadTwoNodesAndNetworkA(running("t1", "n1", "A=10.0.1.2/24"));
    d.full("n1");
    d.forget("n1");
    d.apply(new StoreEvent.Created(running("t2", "n2", "A=10.0.1.3/24")));
    assertThat(d.drain()).isEmpty();
    NetworkDistribution.Changes again = d.full("n1");
    assertThat(networkIds(again)).containsExactly("A");
    assertThat(endpoints(peersOf(again, "A"))).containsExactly("t2");
  }

  @Test
  void incrementalChangesLeaveANodeWithWhatAFullSyncWouldGiveIt() {
    TaskObject t2 = running("t2", "n2", "A=10.0.1.3/24", "B=10.0.2.3/24");
    loadTwoNodesAndNetworkA(running("t1", "n1", "A=10.0.1.2/24"), t2);
    Map<String, Map<String, Peer>> tables = new java.util.TreeMap<>();
    apply(tables, d.full("n1"));
    d.apply(new StoreEvent.Created(running("t3", "n3", "A=10.0.1.4/24")));
    d.apply(new StoreEvent.Created(running("t4", "n1", "B=10.0.2.4/24")));
    d.apply(new StoreEvent.Deleted(t2));
    d.apply(new StoreEvent.Created(running("t5", "n2", "B=10.0.2.5/24")));
    apply(tables, d.drain().get("n1"));
    Map<String, Map<String, Peer>> fresh = new java.util.TreeMap<>();
    apply(fresh, d.full("n1"));
    assertThat(tables).isEqualTo(fresh);
    assertThat(tables.get("A")).containsOnlyKeys("t3");
    assertThat(tables.get("B")).containsOnlyKeys("t5");
  }

  /** What a node holds after applying the changes, as its data plane would. */
  private static void apply(Map<String, Map<String, Peer>> tables, NetworkDistribution.Changes c) {
    if (c.added() != null) {
      if (c.added().getFull()) {
        tables.keySet().retainAll(c.added().getNetworksList().stream().map(Network::getId).toList());
      }
      c.added().getNetworksList().forEach(n -> tables.putIfAbsent(n.getId(), new java.util.TreeMap<>()));
    }
    if (c.peers() != null) {
      for (NetworkPeers p : c.peers().getNetworksList()) {
        Map<String, Peer> t = tables.get(p.getNetworkId());
        assertThat(t).as("peers of a network the node was not sent").isNotNull();
        if (p.getFull()) {
          t.clear();
        }
        p.getRemovedList().forEach(t::remove);
        p.getUpsertedList().forEach(peer -> t.put(peer.getEndpointId(), peer));
      }
    }
    if (c.removed() != null) {
      c.removed().getRemovedList().forEach(tables::remove);
    }
  }
}
