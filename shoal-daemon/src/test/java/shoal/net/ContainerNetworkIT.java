package shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.testing.TestDaemon;

/**
 * Containers on local networks end to end, through the stock docker CLI. An "outside" namespace
 * behind the host (no route back to container subnets) stands for the rest of the world.
 */
@Tag("netns")
class ContainerNetworkIT {
  static TestDaemon d;

  @BeforeAll
  static void up() throws Exception {
    d = TestDaemon.start();
    sh("ip netns add outside && ip link add up0 type veth peer name eth0 netns outside"
        + " && ip addr add 203.0.113.1/24 dev up0 && ip link set up0 up"
        + " && ip -n outside addr add 203.0.113.2/24 dev eth0 && ip -n outside link set eth0 up");
  }

  @AfterAll
  static void down() {
    if (d != null) {
      d.close();
    }
  }

  @Test
  void twoContainersOnAUserBridgePingEachOtherByIp() {
    ok(d.docker("network", "create", "pingnet"));
    long ipRunsBefore = count(d.log(), "ip batch ");
    long nftRunsBefore = count(d.log(), "nft transaction");
    ok(d.docker("run", "-d", "--name", "ping-a", "--network", "pingnet", "busybox", "sleep", "300"));
    try {
      assertThat(count(d.log(), "ip batch ") - ipRunsBefore).as("ip processes for a container start").isEqualTo(2);
      assertThat(count(d.log(), "nft transaction") - nftRunsBefore).as("nft without published ports").isZero();
      String ip = ip("ping-a", "pingnet");
      assertThat(ip).startsWith("172.");
      assertThat(ok(d.docker("network", "inspect", "-f",
          "{{range $k, $v := .Containers}}{{$v.Name}} {{$v.IPv4Address}}{{end}}", "pingnet")).stdout().strip())
          .isEqualTo("ping-a " + ip + "/16");
      CommandResult r = d.docker("run", "--rm", "--network", "pingnet", "busybox", "ping", "-c", "1", "-W", "2", ip);
      assertThat(r.ok()).as(r.stdout() + r.stderr()).isTrue();
      assertThat(d.docker("exec", "ping-a", "ping", "-c", "1", "-W", "2", "203.0.113.2").ok()).as("NAT egress").isTrue();
    } finally {
      d.docker("rm", "-f", "ping-a");
      d.docker("network", "rm", "pingnet");
    }
  }

  @Test
  void noneModeHasOnlyLoopbackAndHostModeSeesTheHostsLinks() {
    String none = ok(d.docker("run", "--rm", "--network", "none", "busybox", "ip", "link")).stdout();
    assertThat(none).contains("lo:").doesNotContain("eth0");
    String host = ok(d.docker("run", "--rm", "--network", "host", "busybox", "ip", "link")).stdout();
    assertThat(host).contains("shoal0");
  }

  @Test
  void publishedPortOfBusyboxHttpdAnswersCurlFromTheHost() {
    ok(d.docker("run", "-d", "--name", "httpd", "-p", "8080:80", "busybox", "sh", "-c",
        "echo served > /tmp/index.html && exec httpd -f -p 80 -h /tmp"));
    try {
      assertThat(awaitCurl("http://127.0.0.1:8080/")).isEqualTo("served\n");
      assertThat(sh("ip netns exec outside curl -s --max-time 3 http://203.0.113.1:8080/")).isEqualTo("served\n");
      assertThat(ok(d.docker("port", "httpd")).stdout()).contains("80/tcp -> 0.0.0.0:8080");

      KernelState before = KernelState.of(d);
      CommandResult taken = d.docker("run", "-d", "--name", "httpd2", "-p", "8080:80", "busybox", "sleep", "60");
      assertThat(taken.ok()).isFalse();
      assertThat(taken.stderr()).contains("port is already allocated");
      d.docker("rm", "-f", "httpd2");
      assertThat(KernelState.of(d)).isEqualTo(before);
    } finally {
      d.docker("rm", "-f", "httpd");
    }
  }

  @Test
  void internalNetworkHasNoRouteOutAndNoEgress() {
    ok(d.docker("network", "create", "--internal", "sealed"));
    String id = ok(d.docker("run", "-d", "--name", "sealed-c", "--network", "sealed", "busybox", "sleep", "300"))
        .stdout().strip();
    try {
      assertThat(ok(d.docker("exec", "sealed-c", "ip", "route")).stdout()).doesNotContain("default");
      String gateway = ok(d.docker("network", "inspect", "-f", "{{(index .IPAM.Config 0).Gateway}}", "sealed"))
          .stdout().strip();
      // Even with a route forced in from outside, the host forwards nothing out of an internal network.
      sh("ip -n shoal-" + id.substring(0, 12) + " route add default via " + gateway);
      assertThat(d.docker("exec", "sealed-c", "ping", "-c", "1", "-W", "1", gateway).ok()).isTrue();
      assertThat(d.docker("exec", "sealed-c", "ping", "-c", "1", "-W", "1", "203.0.113.2").ok()).isFalse();
    } finally {
      d.docker("rm", "-f", "sealed-c");
      d.docker("network", "rm", "sealed");
    }
  }

  @Test
  void twoUserBridgesCannotReachEachOther() {
    ok(d.docker("network", "create", "left"));
    ok(d.docker("network", "create", "right"));
    ok(d.docker("run", "-d", "--name", "on-left", "--network", "left", "busybox", "sleep", "300"));
    try {
      String ip = ip("on-left", "left");
      CommandResult r = d.docker("run", "--rm", "--network", "right", "busybox", "ping", "-c", "1", "-W", "1", ip);
      assertThat(r.ok()).isFalse();
    } finally {
      d.docker("rm", "-f", "on-left");
      d.docker("network", "rm", "left", "right");
    }
  }

  @Test
  void connectAndDisconnectARunningContainer() {
    ok(d.docker("network", "create", "joinme"));
    ok(d.docker("run", "-d", "--name", "member", "--network", "joinme", "busybox", "sleep", "300"));
    ok(d.docker("run", "-d", "--name", "guest", "busybox", "sleep", "300"));
    try {
      String memberIp = ip("member", "joinme");
      assertThat(d.docker("exec", "guest", "ping", "-c", "1", "-W", "1", memberIp).ok()).isFalse();
      ok(d.docker("network", "connect", "joinme", "guest"));
      assertThat(ip("guest", "joinme")).startsWith(memberIp.substring(0, memberIp.lastIndexOf('.')));
      assertThat(d.docker("exec", "guest", "ping", "-c", "1", "-W", "2", memberIp).ok()).isTrue();
      ok(d.docker("network", "disconnect", "joinme", "guest"));
      assertThat(ok(d.docker("exec", "guest", "ip", "link")).stdout()).doesNotContain("eth1");
      assertThat(d.docker("exec", "guest", "ping", "-c", "1", "-W", "1", memberIp).ok()).isFalse();
    } finally {
      d.docker("rm", "-f", "member", "guest");
      d.docker("network", "rm", "joinme");
    }
  }

  @Test
  void removingANetworkInUseFailsAndChangesNothing() {
    ok(d.docker("network", "create", "busy"));
    ok(d.docker("run", "-d", "--name", "occupant", "--network", "busy", "busybox", "sleep", "300"));
    try {
      KernelState before = KernelState.of(d);
      CommandResult r = d.docker("network", "rm", "busy");
      assertThat(r.ok()).isFalse();
      assertThat(r.stderr()).contains("error while removing network: network busy id").contains("has active endpoints");
      assertThat(KernelState.of(d)).isEqualTo(before);
    } finally {
      d.docker("rm", "-f", "occupant");
      d.docker("network", "rm", "busy");
    }
  }

  @Test
  void killNineAndRestartKeepConnectivityAndAddresses() throws Exception {
    ok(d.docker("network", "create", "durable"));
    ok(d.docker("run", "-d", "--name", "dur-a", "--network", "durable", "busybox", "sleep", "600"));
    ok(d.docker("run", "-d", "--name", "dur-b", "--network", "durable", "busybox", "sleep", "600"));
    try {
      String a = ip("dur-a", "durable");
      String b = ip("dur-b", "durable");
      d.kill9();
      d.restart();
      assertThat(ip("dur-a", "durable")).isEqualTo(a);
      assertThat(d.docker("exec", "dur-b", "ping", "-c", "1", "-W", "2", a).ok()).isTrue();
      ok(d.docker("run", "-d", "--name", "dur-c", "--network", "durable", "busybox", "sleep", "600"));
      assertThat(ip("dur-c", "durable")).isNotIn(a, b);
    } finally {
      d.docker("rm", "-f", "dur-a", "dur-b", "dur-c");
      d.docker("network", "rm", "durable");
    }
  }

  private static long count(String log, String what) {
    return log.lines().filter(l -> l.contains(what)).count();
  }

  private static String ip(String container, String network) {
    return ok(d.docker("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + network + "\").IPAddress}}",
        container)).stdout().strip();
  }

  private static String awaitCurl(String url) {
    String last = "";
    for (int i = 0; i < 50; i++) {
      CommandResult r = d.inHost("curl", "-s", "--max-time", "2", url);
      if (r.ok()) {
        return r.stdout();
      }
      last = r.failure();
      sleep(Duration.ofMillis(100));
    }
    return last;
  }

  private static void sleep(Duration t) {
    try {
      Thread.sleep(t);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String sh(String script) {
    return ok(d.inHost("sh", "-c", script)).stdout();
  }

  private static CommandResult ok(CommandResult r) {
    assertThat(r.ok()).as(r.failure()).isTrue();
    return r;
  }
}
