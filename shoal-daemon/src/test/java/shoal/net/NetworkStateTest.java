package shoal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.errors.NotFoundException;
import shoal.net.ipam.AddressPools;
import shoal.net.ipam.Ipv4Address;

class NetworkStateTest {
  @TempDir Path dir;
  private final NetworkPlanner planner = new NetworkPlanner(AddressPools.dockerDefaults());

  @Test
  void networksAndSandboxesSurviveAReload() {
    NetworkState s = NetworkState.load(dir.resolve("data"), dir.resolve("exec"));
    Network bridge = planner.predefined("bridge", List.of(), List.of(), Instant.now());
    s.put(bridge);
    Endpoint e = new Endpoint(bridge.id(), "e".repeat(64), "eth0", "vetheeeeeeeeeee",
        Ipv4Address.parse("172.17.0.2"), "02:42:ac:11:00:02", List.of("web"));
    s.put(new Sandbox("c".repeat(64), "web", "shoal-cccccccccccc", List.of(e),
        List.of(new PortBinding("tcp", 80, "", 8080))));

    NetworkState again = NetworkState.load(dir.resolve("data"), dir.resolve("exec"));
    assertThat(again.networks()).containsExactly(bridge);
    assertThat(again.sandbox("c".repeat(64))).get().extracting(Sandbox::endpoints).isEqualTo(List.of(e));
    assertThat(again.usedAddresses(bridge)).containsExactly(Ipv4Address.parse("172.17.0.2"));
  }

  @Test
  void lookupIsByIdThenNameThenUniquePrefix() {
    NetworkState s = NetworkState.load(dir.resolve("data"), dir.resolve("exec"));
    Network a = planner.predefined("host", List.of(), List.of(), Instant.now());
    Network b = planner.predefined("none", List.of(), List.of(), Instant.now());
    s.put(a);
    s.put(b);
    assertThat(s.find("host")).isEqualTo(a);
    assertThat(s.find(b.id())).isEqualTo(b);
    assertThat(s.find(b.id().substring(0, 10))).isEqualTo(b);
    assertThatThrownBy(() -> s.find("nope")).isInstanceOf(NotFoundException.class).hasMessage("network nope not found");
  }
}
