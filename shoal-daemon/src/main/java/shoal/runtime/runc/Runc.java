package shoal.runtime.runc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shoal.common.CommandException;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.errors.SystemException;

/**
 * The one place that runs {@code runc}, always with the daemon's own state root
 * ({@code <exec-root>/runc}). {@code run} and {@code exec} are only built here (as argv): the
 * container's wrapper and the exec service start them, since they must outlive or stream.
 */
public final class Runc {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String binary;
  private final Path root;

  /** @param binary a path, or a name looked up in PATH (spawned processes get no PATH search) */
  public Runc(String binary, Path root) {
    this.binary = locate(binary);
    this.root = root;
  }

  private static String locate(String binary) {
    if (binary.contains("/")) {
      return binary;
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, binary);
      if (java.nio.file.Files.isExecutable(p)) {
        return p.toAbsolutePath().toString();
      }
    }
    return binary;
  }

  private List<String> base() {
    return new ArrayList<>(List.of(binary, "--root", root.toString()));
  }

  /**
   * {@code runc run} in the foreground: runc stays the container's parent and exits with its
   * status; its own errors go as JSON to {@code logFile}.
   */
  public List<String> runArgv(String id, Path bundle, Path pidFile, Path logFile) {
    List<String> a = base();
    a.addAll(List.of("--log", logFile.toString(), "--log-format", "json",
        "run", "--bundle", bundle.toString(), "--pid-file", pidFile.toString(), id));
    return a;
  }

  /** {@code runc exec} of the process described by {@code processJson}, in the foreground. */
  public List<String> execArgv(String id, Path processJson, Path pidFile) {
    List<String> a = base();
    a.addAll(List.of("exec", "--process", processJson.toString(), "--pid-file", pidFile.toString(), id));
    return a;
  }

  /** The container's state, or empty when runc does not know it (never started, or deleted). */
  public Optional<RuncState> state(String id) {
    List<String> a = base();
    a.addAll(List.of("state", id));
    CommandResult r = run(a);
    if (!r.ok()) {
      if (notFound(r)) {
        return Optional.empty();
      }
      throw failure(r);
    }
    try {
      JsonNode n = JSON.readTree(r.stdout());
      return Optional.of(new RuncState(n.path("status").asText(), n.path("pid").asLong()));
    } catch (IOException e) {
      throw new SystemException("cannot read `runc state " + id + "`: " + e.getMessage(), e);
    }
  }

  /** Sends a signal to the container's init; false when it is not running any more. */
  public boolean kill(String id, int signal) {
    List<String> a = base();
    a.addAll(List.of("kill", id, Integer.toString(signal)));
    CommandResult r = run(a);
    if (r.ok()) {
      return true;
    }
    if (notFound(r) || r.stderr().contains("not running") || r.stderr().contains("process already finished")) {
      return false;
    }
    throw failure(r);
  }

  public void pause(String id) {
    simple("pause", id);
  }

  public void resume(String id) {
    simple("resume", id);
  }

  /** Removes runc's state of a container that is gone; with {@code force}, kills it first. */
  public void delete(String id, boolean force) {
    List<String> a = base();
    a.add("delete");
    if (force) {
      a.add("--force");
    }
    a.add(id);
    CommandResult r = run(a);
    if (!r.ok() && !notFound(r)) {
      throw failure(r);
    }
  }

  /** The PIDs of every process in the container. */
  public List<Long> pids(String id) {
    List<String> a = base();
    a.addAll(List.of("ps", "--format", "json", id));
    CommandResult r = run(a);
    if (!r.ok()) {
      throw failure(r);
    }
    try {
      List<Long> out = new ArrayList<>();
      JSON.readTree(r.stdout()).forEach(n -> out.add(n.asLong()));
      return out;
    } catch (IOException e) {
      throw new SystemException("cannot read `runc ps " + id + "`: " + e.getMessage(), e);
    }
  }

  private void simple(String verb, String id) {
    List<String> a = base();
    a.addAll(List.of(verb, id));
    CommandResult r = run(a);
    if (!r.ok()) {
      throw failure(r);
    }
  }

  private static CommandResult run(List<String> argv) {
    try {
      return Commands.run(argv, null, Map.of(), TIMEOUT);
    } catch (CommandException e) {
      throw new SystemException(e.getMessage(), e);
    }
  }

  private static boolean notFound(CommandResult r) {
    return r.stderr().contains("does not exist") || r.stderr().contains("not exist");
  }

  private static SystemException failure(CommandResult r) {
    return new SystemException(
        "runc " + String.join(" ", r.argv().subList(3, r.argv().size())) + ": " + lastLine(r.stderr()), null);
  }

  private static String lastLine(String s) {
    String t = s.strip();
    int nl = t.lastIndexOf('\n');
    return nl < 0 ? t : t.substring(nl + 1);
  }
}
