package shoal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shoal.manager.store.objects.NetworkObject;
import shoal.net.Network;

class NodeOverlayPlaneTest {
  @Test
  void aSwarmNetworkBecomesAnOverlayNetworkOfTheNodeWithItsAllocationAndVxlanId() {
    NetworkObject n = NetworkObject.of("abcdefghijklmnopqrstuvwxy",
        new NetworkObject.Spec("front", Map.of("team", "a"), "overlay", Map.of("encrypted", ""), true, true, false,
            new NetworkObject.Ipam("10.0.9.0/24", "", "")))
        .withAllocation(new NetworkObject.Allocation("10.0.9.0/24", "10.0.9.1", "10.0.9.128/25", 4099));
    Network local = NodeOverlayPlane.toLocal(n);
    assertThat(local.overlayDriver()).isTrue();
    assertThat(local.vni()).isEqualTo(4099);
    assertThat(local.encrypted()).isTrue();
    assertThat(local.internal()).isTrue();
    assertThat(local.attachable()).isTrue();
    assertThat(local.subnet().toString()).isEqualTo("10.0.9.0/24");
    assertThat(local.gateway().toString()).isEqualTo("10.0.9.1");
    assertThat(local.ipRange().toString()).isEqualTo("10.0.9.128/25");
    assertThat(local.userSubnet()).isTrue();
    assertThat(local.labels()).containsEntry("team", "a");
    assertThat(NodeOverlayPlane.addressOf("10.0.9.7/24").toString()).isEqualTo("10.0.9.7");
  }
}
