package shoal.net.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shoal.net.link.BridgeTool.RemoteEntry;

class PeerDiffTest {
  private static final RemotePeer A = new RemotePeer("10.0.1.2", "02:42:0a:00:01:02", "192.168.1.11");
  private static final RemotePeer B = new RemotePeer("10.0.1.3", "02:42:0a:00:01:03", "192.168.1.12");

  @Test
  void aKernelThatMatchesTheTableNeedsNothing() {
    PeerDiff d = PeerDiff.between(Map.of(A.ip(), A.mac(), B.ip(), B.mac()),
        List.of(new RemoteEntry(A.mac(), A.vtep()), new RemoteEntry(B.mac(), B.vtep())), List.of(A, B));
    assertThat(d.isEmpty()).isTrue();
  }

  @Test
  void newPeersAreSetAndGonePeersAndStraysAreDeleted() {
    PeerDiff d = PeerDiff.between(Map.of(A.ip(), A.mac(), "10.0.1.9", "02:42:0a:00:01:09"),
        List.of(new RemoteEntry(A.mac(), A.vtep()), new RemoteEntry("02:42:0a:00:01:07", "192.168.1.13")), List.of(B));
    assertThat(d.put()).containsExactly(B);
    assertThat(d.deleteIps()).containsExactly("10.0.1.2", "10.0.1.9");
    assertThat(d.deleteMacs()).containsExactly(A.mac(), "02:42:0a:00:01:07");
  }

  @Test
  void aPeerThatMovedToAnotherNodeOrChangedItsMacIsSetAgain() {
    PeerDiff moved = PeerDiff.between(Map.of(A.ip(), A.mac()), List.of(new RemoteEntry(A.mac(), "192.168.1.99")), List.of(A));
    assertThat(moved.put()).containsExactly(A);
    assertThat(moved.deleteMacs()).isEmpty();
    PeerDiff halfMissing = PeerDiff.between(Map.of(), List.of(new RemoteEntry(A.mac(), A.vtep())), List.of(A));
    assertThat(halfMissing.put()).containsExactly(A);
  }
}
