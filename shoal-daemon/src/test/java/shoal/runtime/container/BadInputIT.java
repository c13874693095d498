package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.testing.TestDaemon;

/** Bad requests get Docker's errors, and a start that fails half-way leaves nothing behind. */
@Tag("netns")
class BadInputIT {
  static TestDaemon d;

  @BeforeAll
  static void up() throws Exception {
    d = TestDaemon.start();
    // The first network namespace makes /run/netns a mount point for good (iproute2 does that):
    // compare states from after that on.
    assertThat(d.docker("run", "--rm", "busybox", "true").ok()).isTrue();
  }

  @AfterAll
  static void down() {
    if (d != null) {
      d.close();
    }
  }

  @AfterEach
  void removeContainers() {
    Containers.removeAll(d);
  }

  /** What a failed start could leave: mounts, namespaces, links, firewall rules, processes, files. */
  private static String hostState() {
    return String.join("\n--\n",
        d.inHost("sh", "-c", "cut -d' ' -f5 /proc/self/mountinfo | sort").stdout(),
        d.inHost("ip", "netns", "list").stdout(),
        d.inHost("sh", "-c", "ip -o link | cut -d: -f2 | sort").stdout(),
        d.inHost("nft", "list", "ruleset").stdout(),
        // ps alone first: the filters of a pipeline would show up in its own output, or not.
        d.inHost("sh", "-c", "p=$(ps -e -o args=); echo \"$p\" | grep -v -e '^ps ' -e '^sh -c' | sort").stdout(),
        d.inHost("sh", "-c", "ls /run/shoal/containers /run/shoal/runc").stdout());
  }

  /** Equal states; on failure, the lines that differ (not the whole state). */
  private static void assertUnchanged(String before, String after) {
    var b = before.lines().toList();
    var a = after.lines().toList();
    var gone = b.stream().filter(l -> !a.contains(l)).toList();
    var added = a.stream().filter(l -> !b.contains(l)).toList();
    assertThat(added).as("left behind (gone: %s)", gone).isEmpty();
    assertThat(gone).as("removed").isEmpty();
    var bs = new java.util.ArrayList<>(b);
    var as = new java.util.ArrayList<>(a);
    java.util.Collections.sort(bs);
    java.util.Collections.sort(as);
    assertThat(as).as("the same lines, as often").isEqualTo(bs);
  }

  @Test
  void executableNotFoundIsDockersErrorAndLeavesNothing() {
    String before = hostState();
    CommandResult r = d.docker("run", "--name", "nocmd", "busybox", "nosuchcmd");
    assertThat(r.exitCode()).as(r.failure()).isEqualTo(127);
    assertThat(r.stderr()).contains("exec: \"nosuchcmd\": executable file not found in $PATH");
    assertUnchanged(before, hostState());
    assertThat(d.docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "nocmd").stdout().strip())
        .isEqualTo("created 127");
    CommandResult rm = d.docker("run", "--rm", "busybox", "/nosuch/path");
    assertThat(rm.exitCode()).isEqualTo(127);
    assertThat(d.docker("ps", "-a", "--format", "{{.Names}}").stdout().strip()).isEqualTo("nocmd");
    assertUnchanged(before, hostState());
  }

  @Test
  void failuresAfterTheRootIsMountedAreUndone() {
    String before = hostState();
    CommandResult user = d.docker("run", "-u", "nosuchuser", "busybox", "true");
    assertThat(user.exitCode()).isEqualTo(125);
    assertThat(user.stderr()).contains("unable to find user nosuchuser: no matching entries in passwd file");
    CommandResult net = d.docker("run", "--network", "nosuchnet", "busybox", "true");
    assertThat(net.exitCode()).isEqualTo(125);
    assertThat(net.stderr()).contains("nosuchnet");
    assertUnchanged(before, hostState());
  }

  @Test
  void unknownImageAndContainerAreNotFound() {
    CommandResult img = d.docker("run", "--pull", "never", "nosuchimage");
    assertThat(img.exitCode()).isEqualTo(125);
    assertThat(img.stderr()).contains("No such image: nosuchimage:latest");
    CommandResult c = d.docker("start", "nosuchcontainer");
    assertThat(c.stderr()).contains("No such container: nosuchcontainer");
    assertThat(d.api("GET", "/containers/nosuch/json").stdout()).isEqualTo("{\"message\":\"No such container: nosuch\"}");
  }

  @Test
  void aNameInUseIsAConflict() {
    String id = d.docker("create", "--name", "web", "busybox", "true").stdout().strip();
    CommandResult again = d.docker("create", "--name", "web", "busybox", "true");
    assertThat(again.exitCode()).isNotZero();
    assertThat(again.stderr()).contains("Conflict. The container name \"/web\" is already in use by container \""
        + id + "\". You have to remove (or rename) that container to be able to reuse that name.");
    assertThat(d.docker("create", "--name", "bad name", "busybox", "true").stderr())
        .contains("Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  }

  @Test
  void malformedJsonIsABadRequest() {
    CommandResult r = d.api("POST", "/containers/create", "{\"Image\": ");
    assertThat(r.stdout()).startsWith("{\"message\":\"malformed JSON");
    CommandResult code = d.api("POST", "/containers/create?name=x", "{\"Image\": \"busybox\", \"Cmd\": 3");
    assertThat(code.stdout()).contains("malformed JSON");
    assertThat(d.docker("ps", "-aq").stdout()).isEmpty();
  }

  @Test
  void runningContainersAreNotRemovedWithoutForce() {
    d.docker("run", "-d", "--name", "busy", "busybox", "sleep", "30");
    CommandResult r = d.docker("rm", "busy");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("cannot remove container \"/busy\": container is running");
    assertThat(d.docker("rm", "-f", "busy").ok()).isTrue();
    CommandResult k = d.docker("kill", "busy");
    assertThat(k.stderr()).contains("No such container: busy");
  }
}
