package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.it.OverlayDataPlaneIT.address;
import static shoal.it.OverlayDataPlaneIT.ping;
import static shoal.it.OverlayDataPlaneIT.sandboxes;
import static shoal.it.SwarmLab.await;
import static shoal.it.SwarmLab.docker;
import static shoal.it.SwarmLab.ok;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.lab.Lab;
import shoal.lab.LabHost;
import shoal.lab.junit.WithLab;

/**
 * {@code docker network connect/disconnect} of running containers to an attachable overlay, and
 * {@code network rm} of a network in use, across a two-host lab swarm with the stock docker CLI.
 */
@Tag("netns")
class OverlayConnectIT {
  private static final Duration CONVERGE = Duration.ofSeconds(30);

  @Test
  @WithLab(nodes = 2)
  void aRunningContainerConnectedToAnOverlayReachesAnotherHostUntilDisconnectedAndRmWaitsForTheLastUser(Lab lab)
      throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    ServiceLab.swarm(lab, "h1", "h2");
    ok(h1, "network", "create", "-d", "overlay", "--attachable", "link");
    ok(h1, "run", "-d", "--name", "far", "--network", "link", "busybox", "sleep", "1d");
    String far = address(h1, "far", "link");

    ok(h2, "run", "-d", "--name", "near", "busybox", "sleep", "1d");
    assertThat(sandboxes(h2)).isEmpty();
    ok(h2, "network", "connect", "link", "near");
    String near = address(h2, "near", "link");
    assertThat(near).startsWith("10.0.").isNotEqualTo(far);
    assertThat(sandboxes(h2)).hasSize(1);
    assertThat(ping(h2, "near", far)).as("connected container on h2 -> container on h1").isTrue();
    assertThat(ping(h1, "far", near)).as("container on h1 -> connected container on h2").isTrue();
    CommandResult twice = docker(h2, "network", "connect", "link", "near");
    assertThat(twice.ok()).isFalse();
    assertThat(twice.stderr()).contains("already exists in network link");

    CommandResult inUse = docker(h1, "network", "rm", "link");
    assertThat(inUse.ok()).as("rm of a network with endpoints").isFalse();
    assertThat(inUse.stderr()).contains("is in use");
    assertThat(ok(h1, "network", "ls", "--filter", "name=link", "--format", "{{.Name}}").strip()).isEqualTo("link");

    ok(h2, "network", "disconnect", "link", "near");
    assertThat(ok(h2, "inspect", "-f", "{{len .NetworkSettings.Networks}}", "near").strip()).isEqualTo("1");
    assertThat(ping(h1, "far", near)).as("a disconnected container is no longer reached").isFalse();
    await("h2 lets go of the sandbox", CONVERGE, () -> sandboxes(h2).isEmpty());
    assertThat(ok(h2, "exec", "near", "ip", "-o", "-4", "addr")).doesNotContain(near + "/");

    ok(h1, "rm", "-f", "far");
    await("the network can go once its last user went", CONVERGE,
        () -> docker(h1, "network", "rm", "link").ok());
    assertThat(ok(h1, "network", "ls", "-q", "--filter", "name=link")).isEmpty();
  }

  @Test
  @WithLab(nodes = 2)
  void theOverlayMtuIsTheUnderlaysLessVxlansOverhead(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    for (LabHost h : java.util.List.of(h1, h2)) {
      assertThat(h.host().exec("ip", "link", "set", "eth0", "mtu", "1400").ok()).isTrue();
    }
    ServiceLab.swarm(lab, "h1", "h2");
    ok(h1, "network", "create", "-d", "overlay", "--attachable", "small");
    ok(h1, "run", "-d", "--name", "ma", "--network", "small", "busybox", "sleep", "1d");
    ok(h2, "run", "-d", "--name", "mb", "--network", "small", "busybox", "sleep", "1d");
    assertThat(ok(h1, "exec", "ma", "ip", "-o", "link", "show", "eth0")).contains("mtu 1350");
    assertThat(ok(h2, "exec", "mb", "ip", "-o", "link", "show", "eth0")).contains("mtu 1350");
    // The largest ICMP echo that fits 1350 bytes crosses whole.
    assertThat(docker(h1, "exec", "ma", "ping", "-c", "1", "-W", "2", "-s", "1322", address(h2, "mb", "small")).ok())
        .isTrue();
  }

  @Test
  @WithLab(nodes = 2)
  void anAttachedContainerRemovedWhileNoManagerAnswersGivesItsAddressBackOnceOneDoes(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    ServiceLab.swarm(lab, "h1", "h2");
    ok(h1, "network", "create", "-d", "overlay", "--attachable", "keep");
    ok(h2, "run", "-d", "--name", "held", "--network", "keep", "busybox", "sleep", "1d");
    // The only manager is gone: the give-back cannot reach any store.
    h1.daemon().kill9();
    ok(h2, "rm", "-f", "held");
    h1.daemon().start();
    await("the address given back once a manager answers again, so the network can go", Duration.ofSeconds(60),
        () -> docker(h1, "network", "rm", "keep").ok());
  }
}
