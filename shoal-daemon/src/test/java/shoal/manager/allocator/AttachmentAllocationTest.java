package shoal.manager.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.errors.ForbiddenException;
import shoal.errors.NotFoundException;
import shoal.errors.UnavailableException;
import shoal.manager.dispatcher.StandaloneAttachments;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.EndpointSpec;
import shoal.manager.store.objects.NetworkObject.Ipam;
import shoal.manager.store.objects.NetworkObject.Spec;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.TaskObject.TaskState;

/** Standalone containers' attachments: addressed by the allocator on a real one-manager store. */
class AttachmentAllocationTest {
  @TempDir
  Path dir;

  private AllocatorHarness h;
  private StandaloneAttachments attachments;

  @BeforeEach
  void start() throws Exception {
    h = AllocatorHarness.start(dir, new ClusterObject.AddressPool(List.of("10.0.0.0/8"), 24));
    attachments = new StandaloneAttachments(h.store);
    h.write(tx -> {
      tx.nodes().create(new NodeObject("n1", null, null, null, null, null, null, null));
      tx.nodes().create(new NodeObject("n2", null, null, null, null, null, null, null));
    });
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private String network(Spec spec) throws InterruptedException {
    String id = h.network(spec);
    h.await("network " + spec.name() + " allocated", () -> h.network(id).allocated());
    return id;
  }

  private int stored() {
    return h.view(tx -> tx.attachments().list().size());
  }

  @Test
  void aContainerGetsAnAddressNoTaskHasAndDetachGivesItBack() throws Exception {
    // A /29: the gateway, the service's VIP, one task, and three addresses left.
    String net = network(Spec.named("att").withFlags(true, false, false).withIpam(new Ipam("10.7.0.0/29", "", "")));
    String web = h.service("web", EndpointSpec.Mode.VIP, net);
    String task = h.task(web, 1);
    h.await("task pending", () -> h.task(task).status().state() == TaskState.PENDING);
    String taskAddr = h.task(task).networks().getFirst().addresses().getFirst();
    String vip = h.service(web).endpoint().virtualIps().getFirst().addr();

    StandaloneAttachments.Attached c1 = attachments.attach("n1", "att", "c1");
    StandaloneAttachments.Attached c2 = attachments.attach("n2", net, "c2");
    StandaloneAttachments.Attached c3 = attachments.attach("n2", "att", "c3");
    List<String> given = List.of(c1.attachment().address(), c2.attachment().address(), c3.attachment().address());
    assertThat(given).doesNotHaveDuplicates().doesNotContain(taskAddr, vip, "10.7.0.1/29")
        .allMatch(a -> a.startsWith("10.7.0.") && a.endsWith("/29"));
    assertThat(c1.network().id()).isEqualTo(net);
    assertThat(c1.network().allocated()).isTrue();

    assertThatThrownBy(() -> attachments.attach("n1", "att", "c4")).isInstanceOf(UnavailableException.class);
    assertThat(stored()).isEqualTo(3);

    attachments.detach("n2", "c2", net);
    attachments.detach("n2", "c2", net); // nothing left to free: no error
    StandaloneAttachments.Attached c4 = attachments.attach("n1", "att", "c4");
    assertThat(c4.attachment().address()).isEqualTo(c2.attachment().address());
  }

  @Test
  void askingTwiceForTheSameContainerAndNetworkGivesTheSameAttachment() throws Exception {
    network(Spec.named("att").withFlags(true, false, false));
    StandaloneAttachments.Attached first = attachments.attach("n1", "att", "c1");
    StandaloneAttachments.Attached again = attachments.attach("n1", "att", "c1");
    assertThat(again.attachment()).isEqualTo(first.attachment());
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void aNetworkThatIsNotAttachableOrDoesNotExistIsRefusedInDockersWordsAndNothingIsStored() throws Exception {
    network(Spec.named("services-only"));
    network(Spec.named("ingress").withFlags(false, false, true));
    assertThatThrownBy(() -> attachments.attach("n1", "services-only", "c1"))
        .isInstanceOf(ForbiddenException.class).hasMessage("network services-only not manually attachable");
    assertThatThrownBy(() -> attachments.attach("n1", "ingress", "c1"))
        .isInstanceOf(ForbiddenException.class).hasMessage("network ingress not manually attachable");
    assertThatThrownBy(() -> attachments.attach("n1", "nosuch", "c1"))
        .isInstanceOf(NotFoundException.class).hasMessage("network nosuch not found");
    assertThat(stored()).isZero();
  }

  @Test
  void aRemovedNodesAttachmentsAreDeletedAndTheirAddressesReused() throws Exception {
    // A /30: the gateway and one address.
    String net = network(Spec.named("tiny").withFlags(true, false, false).withIpam(new Ipam("10.8.0.0/30", "", "")));
    String addr = attachments.attach("n1", "tiny", "c1").attachment().address();
    h.write(tx -> tx.nodes().delete("n1"));
    h.await("n1's attachment deleted", () -> stored() == 0);
    assertThat(attachments.attach("n2", net, "c2").attachment().address()).isEqualTo(addr);
  }

  @Test
  void afterALeaderChangeAnAttachmentKeepsItsAddressAndNoOneElseGetsIt() throws Exception {
    network(Spec.named("att").withFlags(true, false, false));
    String addr = attachments.attach("n1", "att", "c1").attachment().address();
    h.restart();
    attachments = new StandaloneAttachments(h.store);
    assertThat(h.view(tx -> tx.attachments().list()).getFirst().address()).isEqualTo(addr);
    assertThat(attachments.attach("n2", "att", "c2").attachment().address()).isNotEqualTo(addr);
  }
}
