package shoal.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import shoal.engineapi.http.ApiExchange;
import shoal.engineapi.http.Router;
import shoal.runtime.exec.Exec;
import shoal.runtime.exec.ExecConfig;
import shoal.runtime.exec.ExecService;
import shoal.runtime.exec.ExecSession;

/** Docker's exec endpoints: create, start (hijacked), inspect, resize. */
public final class ExecRoutes {
  private final ExecService execs;

  public ExecRoutes(ExecService execs) {
    this.execs = execs;
  }

  public void register(Router r) {
    r.post("/containers/{id}/exec", this::create);
    r.post("/exec/{id}/start", this::start);
    r.get("/exec/{id}/json", this::inspect);
    r.post("/exec/{id}/resize", this::resize);
  }

  private void create(ApiExchange ex) {
    JsonNode b = ex.bodyJson();
    if (b == null || !b.isObject()) {
      throw new shoal.errors.InvalidArgumentException("No exec command specified");
    }
    ExecConfig c = new ExecConfig(
        ContainerRequests.strings(b.get("Cmd")),
        ContainerRequests.strings(b.get("Env")),
        ContainerRequests.text(b, "User"),
        ContainerRequests.text(b, "WorkingDir"),
        ContainerRequests.bool(b, "Tty"),
        ContainerRequests.bool(b, "AttachStdin"),
        ContainerRequests.bool(b, "AttachStdout"),
        ContainerRequests.bool(b, "AttachStderr"),
        ContainerRequests.bool(b, "Privileged"),
        ContainerRequests.text(b, "DetachKeys"),
        ContainerRequests.consoleSize(b.get("ConsoleSize")).get(0),
        ContainerRequests.consoleSize(b.get("ConsoleSize")).get(1));
    Exec e = execs.create(ex.pathParam("id"), c);
    ex.respondJson(201, ex.json().createObjectNode().put("Id", e.id()));
  }

  /** How long a terminal exec without a size waits for the client's first resize. */
  private static final long FIRST_RESIZE_WAIT_MS = 100;

  private void start(ApiExchange ex) throws Exception {
    String id = ex.pathParam("id");
    JsonNode b = ex.bodyJson();
    boolean detach = b != null && b.path("Detach").asBoolean(false);
    Exec e = execs.get(id);
    boolean tty = e.config().tty();
    if (detach) {
      execs.start(id, true);
      ex.respond(200, "application/json", new byte[0]);
      return;
    }
    ExecSession s;
    OutputStream out;
    if (tty) {
      // The client resizes right after the hijack; the process starts once that size is in.
      out = ex.hijack(ContainerStreams.RAW);
      try {
        s = execs.start(id, false, FIRST_RESIZE_WAIT_MS);
      } catch (RuntimeException | IOException failed) {
        try (out) {
          out.write((failed.getMessage() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return;
      }
    } else {
      s = execs.start(id, false);
      out = ex.hijack(ContainerStreams.MULTIPLEXED);
    }
    try (out) {
      if (e.config().attachStdin()) {
        InputStream in = ex.body();
        Thread.ofPlatform().daemon().name("exec-stdin-" + id.substring(0, 12)).start(() -> pumpStdin(in, s));
      }
      List<Thread> copiers = new ArrayList<>();
      copiers.add(copier(s.stdout(), out, tty, 1, id));
      if (!tty && s.stderr() != null) {
        copiers.add(copier(s.stderr(), out, false, 2, id));
      }
      for (Thread t : copiers) {
        t.join();
      }
      // The CLI asks for the exit code as soon as the stream ends: record it first.
      s.exit().join();
    } finally {
      s.closeTerminal();
    }
  }

  private static Thread copier(InputStream in, OutputStream out, boolean raw, int stream, String id) {
    // A platform thread: a terminal's read blocks in a syscall, which would pin a virtual thread.
    return Thread.ofPlatform().daemon().name("exec-out-" + id.substring(0, 12)).start(() -> {
      byte[] buf = new byte[32 * 1024];
      try (in) {
        int n;
        while ((n = in.read(buf, 0, buf.length)) > 0) {
          synchronized (out) {
            ContainerStreams.write(out, raw, stream, buf, 0, n);
          }
        }
      } catch (IOException ignored) {
        // the client left or the process ended: either way the copy is over
      }
    });
  }

  private static void pumpStdin(InputStream in, ExecSession s) {
    byte[] buf = new byte[8192];
    try {
      OutputStream to = s.stdin();
      int n;
      while ((n = in.read(buf)) > 0) {
        to.write(buf, 0, n);
        to.flush();
      }
    } catch (IOException ignored) {
      // the process or the client is gone
    }
    s.closeStdin();
  }

  private void inspect(ApiExchange ex) {
    Exec e = execs.get(ex.pathParam("id"));
    ObjectNode o = ex.json().createObjectNode();
    o.put("CanRemove", false);
    o.put("ContainerID", e.target().containerId());
    o.put("DetachKeys", e.config().detachKeys());
    Integer code = e.exitCode();
    if (code == null) {
      o.putNull("ExitCode");
    } else {
      o.put("ExitCode", code);
    }
    o.put("ID", e.id());
    o.put("OpenStderr", e.config().attachStderr());
    o.put("OpenStdin", e.config().attachStdin());
    o.put("OpenStdout", e.config().attachStdout());
    ObjectNode pc = o.putObject("ProcessConfig");
    ArrayNode args = pc.putArray("arguments");
    e.config().cmd().stream().skip(1).forEach(args::add);
    pc.put("entrypoint", e.config().cmd().get(0));
    pc.put("privileged", e.config().privileged());
    pc.put("tty", e.config().tty());
    pc.put("user", e.config().user());
    o.put("Running", e.running());
    o.put("Pid", e.pid());
    ex.respondJson(200, o);
  }

  private void resize(ApiExchange ex) throws Exception {
    execs.resize(ex.pathParam("id"), (int) ex.query().integer("h", 0), (int) ex.query().integer("w", 0));
    ex.respond(200, "text/plain; charset=utf-8", new byte[0]);
  }
}
