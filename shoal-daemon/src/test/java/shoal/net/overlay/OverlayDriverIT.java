package shoal.net.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.lab.VirtualHost;

/**
 * {@link OverlayDriver} on a real kernel: two hand-made hosts (each its own network, mount and PID
 * namespaces, so its own /run/netns) on a LAN bridge, a sandbox per host and a "container"
 * namespace on it, driven by {@link OverlayProbe} inside each host, checked with ping.
 */
@Tag("netns")
class OverlayDriverIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "ovd" + ProcessHandle.current().pid();
  private static final String LAN = PREFIX + "-lan";
  private static final String NET = "n1overlaytest0000000000aa";
  private static final String SEG = NET + ":4097:10.0.1.0/24:10.0.1.1:1450";
  private static final String SANDBOX = "ov-" + NET.substring(0, 12);
  private static final String VTEP1 = "192.168.66.11";
  private static final String VTEP2 = "192.168.66.12";
  private static final String C1 = "10.0.1.2";
  private static final String C2 = "10.0.1.3";
  private static final String PEER_OF_H1 = C2 + "/02:42:0a:00:01:03/" + VTEP2;
  private static final String PEER_OF_H2 = C1 + "/02:42:0a:00:01:02/" + VTEP1;

  static VirtualHost h1;
  static VirtualHost h2;

  @BeforeAll
  static void hosts() throws IOException {
    Commands.check("ip", "netns", "add", LAN);
    Commands.check(List.of("ip", "-n", LAN, "-batch", "-"), "link set lo up\nlink add lan0 type bridge\nlink set lan0 up\n".getBytes());
    h1 = host("h1", VTEP1);
    h2 = host("h2", VTEP2);
  }

  private static VirtualHost host(String name, String address) throws IOException {
    Path state = Path.of("/tmp/shoal-it", PREFIX, name);
    java.nio.file.Files.createDirectories(state);
    VirtualHost h = VirtualHost.create(PREFIX + "-" + name, name, state);
    Commands.check("ip", "-n", LAN, "link", "add", name, "type", "veth", "peer", "name", "eth0", "netns", h.name());
    Commands.check("ip", "-n", LAN, "link", "set", name, "master", "lan0", "up");
    Commands.check(List.of("ip", "-n", h.name(), "-batch", "-"),
        ("addr add " + address + "/24 dev eth0\nlink set eth0 up\n").getBytes());
    return h;
  }

  @AfterAll
  static void down() {
    for (VirtualHost h : new VirtualHost[] {h1, h2}) {
      if (h != null) {
        h.close();
      }
    }
    Commands.run(List.of("ip", "netns", "del", LAN));
    Commands.run(List.of("rm", "-rf", "--one-file-system", "/tmp/shoal-it/" + PREFIX));
  }

  @Test
  void containersOnTwoHostsReachEachOtherThroughStaticEntriesOnlyAndCleanupRestoresTheKernel() throws Exception {
    String before1 = snapshot(h1);
    String before2 = snapshot(h2);
    wire();
    assertThat(ping(h1, C2)).as("h1 -> h2 over VXLAN").isTrue();
    assertThat(ping(h2, C1)).as("h2 -> h1 over VXLAN").isTrue();
    assertThat(sh(h1, "ip -n c1 -d link show eth0")).contains("mtu 1450").contains("02:42:0a:00:01:02");
    // A resolution begun before its peer was pushed retries soon (the proxy answers at once or never).
    assertThat(sh(h1, "ip netns exec c1 sysctl -n net.ipv4.neigh.eth0.retrans_time_ms").strip()).isEqualTo("100");
    assertThat(sh(h1, "ip -n " + SANDBOX + " -d link show vxlan0"))
        .contains("vxlan id 4097").contains("local " + VTEP1).contains("dstport 4789")
        .contains("nolearning").contains("proxy").contains("master br0").contains("mtu 1450");

    long sent = vxlanTxPackets(h1);
    assertThat(ping(h1, "10.0.1.9")).as("an address no peer has").isFalse();
    assertThat(vxlanTxPackets(h1)).as("nothing flooded onto the underlay").isEqualTo(sent);
    assertThat(remoteEntries(h1)).as("nothing learned").containsExactly("02:42:0a:00:01:03 dst " + VTEP2);

    probe(h1, "resync " + NET + " -");
    assertThat(ping(h1, C2)).as("peer removed").isFalse();
    assertThat(remoteEntries(h1)).isEmpty();
    assertThat(sh(h1, "ip -n " + SANDBOX + " neigh show dev vxlan0")).isBlank();
    probe(h1, "put " + NET + " " + C2 + "/02:42:0a:00:01:03/192.168.66.13");
    assertThat(remoteEntries(h1)).containsExactly("02:42:0a:00:01:03 dst 192.168.66.13");
    assertThat(ping(h1, C2)).as("peer at a wrong VTEP").isFalse();
    probe(h1, "put " + NET + " " + PEER_OF_H1);
    assertThat(remoteEntries(h1)).as("a moved peer is replaced").containsExactly("02:42:0a:00:01:03 dst " + VTEP2);
    assertThat(ping(h1, C2)).isTrue();

    unwire();
    assertThat(snapshot(h1)).isEqualTo(before1);
    assertThat(snapshot(h2)).isEqualTo(before2);
  }

  @Test
  void reapplyingAdoptsTheSandboxAndRepairsAMissingVxlanDeviceWithoutTouchingTheContainers() throws Exception {
    String before1 = snapshot(h1);
    wire();
    String links = sh(h1, "ip -n " + SANDBOX + " -o link show vethc1 | cut -d: -f1; ip -n c1 -o link show eth0 | cut -d: -f1");
    probe(h1, "sandbox " + SEG + " " + VTEP1 + " " + PEER_OF_H1);
    assertThat(sh(h1, "ip -n " + SANDBOX + " -o link show vethc1 | cut -d: -f1; ip -n c1 -o link show eth0 | cut -d: -f1"))
        .as("the container's links are the same").isEqualTo(links);
    assertThat(ping(h1, C2)).isTrue();

    sh(h1, "ip -n " + SANDBOX + " link del vxlan0");
    assertThat(ping(h1, C2)).isFalse();
    probe(h1, "sandbox " + SEG + " " + VTEP1 + " " + PEER_OF_H1);
    assertThat(ping(h1, C2)).as("repaired").isTrue();
    assertThat(remoteEntries(h1)).containsExactly("02:42:0a:00:01:03 dst " + VTEP2);
    unwire();
    assertThat(snapshot(h1)).isEqualTo(before1);
  }

  @Test
  void aSandboxThatCannotBeMadeLeavesNothingBehind() throws Exception {
    String other = "n2overlaytest0000000000bb";
    String before = snapshot(h1);
    probe(h1, "sandbox " + SEG + " " + VTEP1 + " -");
    String withOne = snapshot(h1);
    // The same VNI on the same UDP port is refused by the kernel after the namespace was made.
    List<String> out = probeRaw(h1, "sandbox " + other + ":4097:10.0.2.0/24:10.0.2.1:1450 " + VTEP1 + " -");
    assertThat(out.getFirst()).startsWith("error").contains("vxlan");
    assertThat(snapshot(h1)).isEqualTo(withOne);
    probe(h1, "rm " + NET, "rm " + NET);
    assertThat(snapshot(h1)).isEqualTo(before);
  }

  private void wire() throws Exception {
    sh(h1, "ip netns add c1 && ip -n c1 link set lo up");
    sh(h2, "ip netns add c1 && ip -n c1 link set lo up");
    probe(h1, "sandbox " + SEG + " " + VTEP1 + " " + PEER_OF_H1, "join " + SEG + " c1 " + C1 + " vethc1");
    probe(h2, "sandbox " + SEG + " " + VTEP2 + " " + PEER_OF_H2, "join " + SEG + " c1 " + C2 + " vethc2");
  }

  private void unwire() throws Exception {
    probe(h1, "leave " + NET + " vethc1", "rm " + NET);
    probe(h2, "leave " + NET + " vethc2", "rm " + NET);
    sh(h1, "ip netns del c1");
    sh(h2, "ip netns del c1");
  }

  private static long vxlanTxPackets(VirtualHost h) throws Exception {
    return JSON.readTree(sh(h, "ip -n " + SANDBOX + " -s -j link show vxlan0")).get(0).at("/stats64/tx/packets").asLong();
  }

  private static List<String> remoteEntries(VirtualHost h) {
    return sh(h, "bridge -n " + SANDBOX + " fdb show dev vxlan0").lines()
        .filter(l -> l.contains(" dst ")).map(l -> l.replaceAll(" dst (\\S+).*", " dst $1")).toList();
  }

  private static boolean ping(VirtualHost h, String ip) {
    return h.exec("ip", "netns", "exec", "c1", "busybox", "ping", "-c", "1", "-W", "1", ip).ok();
  }

  /** Links (timers removed), namespaces and the host's neighbours: what the driver may leave. */
  private static String snapshot(VirtualHost h) {
    return sh(h, "ip -d link | sed -E 's/\\b\\w+_timer +[^ ]+//g'; ip netns list; ip -d link show type vxlan");
  }

  private static String sh(VirtualHost h, String script) {
    CommandResult r = h.exec("sh", "-c", script);
    assertThat(r.ok()).as(r.failure()).isTrue();
    return r.stdout();
  }

  private static void probe(VirtualHost h, String... commands) {
    for (String line : probeRaw(h, commands)) {
      assertThat(line).isEqualTo("ok");
    }
  }

  private static List<String> probeRaw(VirtualHost h, String... commands) {
    List<String> argv = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), OverlayProbe.class.getName()));
    argv.addAll(List.of(commands));
    CommandResult r = h.exec(argv, java.time.Duration.ofSeconds(60));
    assertThat(r.ok()).as(r.failure()).isTrue();
    List<String> lines = r.stdout().lines().filter(l -> l.equals("ok") || l.startsWith("error")).toList();
    assertThat(lines).as(r.stderr()).hasSize(commands.length);
    return lines;
  }
}
