package shoal.engineapi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import shoal.engineapi.http.ApiExchange;
import shoal.errors.InvalidArgumentException;
import shoal.manager.dispatcher.LogFeed;
import shoal.proto.LogBatch;
import shoal.proto.LogLine;
import shoal.proto.LogSelector;
import shoal.runtime.logs.JsonLogCodec;
import shoal.swarm.ServiceControl;

/**
 * {@code /services/{id}/logs} and {@code /tasks/{id}/logs}: the lines the nodes send, framed as
 * Docker frames them (multiplexed unless the service has a TTY). With {@code details} each line
 * starts with its context ({@code com.docker.swarm.node.id=…,…service.id=…,…task.id=…}), which
 * the docker CLI turns into its {@code name.slot.id@node |} prefixes.
 */
final class SwarmLogs {
  private static final Duration POLL = Duration.ofMillis(250);

  private SwarmLogs() {}

  /** The selector's options from the request ({@code follow}, {@code tail}, {@code since}). */
  static LogSelector.Builder options(ApiExchange ex) {
    if (!ex.query().bool("stdout", false) && !ex.query().bool("stderr", false)) {
      throw new InvalidArgumentException("Bad parameters: you must choose at least one stream");
    }
    return LogSelector.newBuilder()
        .setFollow(ex.query().bool("follow", false))
        .setTail(ContainerStreams.tail(ex.query().get("tail", "all")))
        .setSinceNs(SystemRoutes.toNanos(ex.query().get("since", "")));
  }

  static void stream(ApiExchange ex, ServiceControl services, LogSelector selector, boolean tty) throws IOException, InterruptedException {
    boolean stdout = ex.query().bool("stdout", false);
    boolean stderr = ex.query().bool("stderr", false);
    boolean details = ex.query().bool("details", false);
    boolean timestamps = ex.query().bool("timestamps", false);
    List<String> warnings = new ArrayList<>();
    try (LogFeed feed = services.logs(selector);
        OutputStream out = ex.stream(200, tty ? ContainerStreams.RAW : ContainerStreams.MULTIPLEXED)) {
      while (true) {
        LogBatch b = feed.poll(POLL);
        if (b == null) {
          if (ex.clientGone().isDone()) {
            return;
          }
          continue;
        }
        if (!b.getError().isEmpty()) {
          warnings.add(b.getError());
        }
        if (b.getDone()) {
          break;
        }
        for (LogLine l : b.getLinesList()) {
          if (l.getStream() == 2 ? !stderr : !stdout) {
            continue;
          }
          byte[] line = line(l, details, timestamps);
          ContainerStreams.write(out, tty, l.getStream(), line, 0, line.length);
        }
        out.flush();
      }
      for (String w : warnings) {
        byte[] line = ("Error grabbing logs: " + w + "\n").getBytes(StandardCharsets.UTF_8);
        ContainerStreams.write(out, tty, 1, line, 0, line.length);
      }
    }
  }

  static byte[] line(LogLine l, boolean details, boolean timestamps) {
    StringBuilder prefix = new StringBuilder();
    if (timestamps) {
      prefix.append(JsonLogCodec.rfc3339NanoFixed(Instant.ofEpochSecond(0, l.getTimeNs()))).append(' ');
    }
    if (details) {
      prefix.append("com.docker.swarm.node.id=").append(l.getNodeId())
          .append(",com.docker.swarm.service.id=").append(l.getServiceId())
          .append(",com.docker.swarm.task.id=").append(l.getTaskId()).append(' ');
    }
    byte[] p = prefix.toString().getBytes(StandardCharsets.UTF_8);
    byte[] data = l.getData().toByteArray();
    byte[] out = new byte[p.length + data.length];
    System.arraycopy(p, 0, out, 0, p.length);
    System.arraycopy(data, 0, out, p.length, data.length);
    return out;
  }
}
