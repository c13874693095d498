package shoal.cli.commands.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shoal.cli.api.EngineClient;
import shoal.cli.api.Paths;
import shoal.cli.format.Ids;
import shoal.cli.json.Jv;

/**
 * Service log lines as docker prints them: each line the daemon sends with its details
 * ({@code com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,com.docker.swarm.task.id=…})
 * becomes {@code [timestamp ]service.slot.task@node    | message}, slots padded to the widest.
 */
final class LogPrefixes {
  private static final String NODE = "com.docker.swarm.node.id";
  private static final String SERVICE = "com.docker.swarm.service.id";
  private static final String TASK = "com.docker.swarm.task.id";

  private final EngineClient api;
  private final IdResolver resolver;
  private final boolean timestamps;
  private final boolean details;
  private final boolean noTaskIds;
  private final boolean noTrunc;
  private final int width;
  private final Map<String, String> cache = new HashMap<>();

  /** @param width the number of digits of the widest slot */
  LogPrefixes(EngineClient api, boolean noResolve, boolean timestamps, boolean details, boolean noTaskIds, boolean noTrunc, int width) {
    this.api = api;
    this.resolver = new IdResolver(api, noResolve);
    this.timestamps = timestamps;
    this.details = details;
    this.noTaskIds = noTaskIds;
    this.noTrunc = noTrunc;
    this.width = width;
  }

  /** A stream that formats each frame the demultiplexer writes (it flushes after each) into {@code out}. */
  OutputStream formatting(OutputStream out) {
    return new OutputStream() {
      private final ByteArrayOutputStream frame = new ByteArrayOutputStream();

      @Override
      public void write(int b) {
        frame.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        frame.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        if (frame.size() > 0) {
          out.write(format(frame.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
          frame.reset();
        }
        out.flush();
      }
    };
  }

  /** One line: {@code [timestamp ]details message}. @throws IOException when the line has no task context */
  String format(String line) throws IOException {
    int parts = timestamps ? 3 : 2;
    String[] p = line.split(" ", parts);
    if (p.length != parts) {
      throw new IOException("invalid context in log message: " + line);
    }
    Map<String, String> d = parseDetails(p[parts - 2]);
    String node = take(d, NODE, "node id");
    String service = take(d, SERVICE, "service id");
    String task = take(d, TASK, "task id");
    StringBuilder sb = new StringBuilder();
    if (timestamps) {
      sb.append(p[0]).append(' ');
    }
    sb.append(cache.computeIfAbsent(node + "/" + service + "/" + task, k -> prefix(node, service, task))).append("    | ");
    if (details) {
      List<String> rest = new ArrayList<>();
      d.forEach((k, v) -> rest.add(k + "=" + v));
      rest.sort(null);
      sb.append(String.join(",", rest)).append(' ');
    }
    return sb.append(p[parts - 1]).toString();
  }

  private String prefix(String nodeId, String serviceId, String taskId) {
    String node = resolver.node(nodeId);
    String service = resolver.service(serviceId);
    Object task = api.get("/tasks/" + Paths.seg(taskId), null);
    long slot = Jv.lng(task, "Slot");
    StringBuilder name = new StringBuilder(service).append('.').append(slot);
    if (!noTaskIds) {
      name.append('.').append(noTrunc ? Jv.str(task, "ID") : Ids.truncate(Jv.str(task, "ID")));
    }
    name.append('@').append(node);
    name.append(" ".repeat(Math.max(0, width - Long.toString(slot).length())));
    return name.toString();
  }

  private static String take(Map<String, String> details, String key, String what) throws IOException {
    String v = details.remove(key);
    if (v == null) {
      throw new IOException("missing " + what + " in details: " + details);
    }
    return v;
  }

  /** {@code k=v,k2=v2}, keys and values URL-escaped (the daemon's encoding of log details). */
  static Map<String, String> parseDetails(String s) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    if (s.isEmpty()) {
      return m;
    }
    for (String pair : s.split(",")) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IOException("invalid details format");
      }
      m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }
}
