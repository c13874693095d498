package shoal.agent;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ShoalException;
import shoal.proto.DispatcherGrpc;
import shoal.proto.LogBatch;
import shoal.proto.LogLine;
import shoal.proto.LogSubscription;
import shoal.proto.PublishLogsAck;
import shoal.runtime.logs.LogEntry;
import shoal.runtime.logs.LogQuery;

/**
 * Sends the manager the logs a {@link LogSubscription} asks for, read from this node's task
 * containers, on a {@code PublishLogs} stream of its own per subscription (flow-controlled: a
 * slow reader holds the sender back instead of filling memory). Workers run no server: the
 * manager asks over the session and the node answers by calling it.
 */
public final class LogPublisher {
  private static final Logger log = LoggerFactory.getLogger(LogPublisher.class);

  /** Lines per message while reading what is there (following sends each line at once). */
  static final int BATCH_LINES = 200;

  private final TaskRuntime runtime;
  private final Supplier<String> nodeId;
  // One stop flag per running subscription, set on close or when the session ends.
  private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

  public LogPublisher(TaskRuntime runtime, Supplier<String> nodeId) {
    this.runtime = runtime;
    this.nodeId = nodeId;
  }

  /** A subscription (or its end) from the session; the logs go to the manager on {@code channel}. */
  void subscription(LogSubscription s, Channel channel) {
    if (s.getClose()) {
      AtomicBoolean stop = running.remove(s.getId());
      if (stop != null) {
        stop.set(true);
      }
      return;
    }
    AtomicBoolean stop = new AtomicBoolean();
    if (running.putIfAbsent(s.getId(), stop) == null) {
      Thread.ofVirtual().name("logs-" + s.getId()).start(() -> {
        try {
          publish(s, channel, stop);
        } finally {
          running.remove(s.getId(), stop);
        }
      });
    }
  }

  /** The session ended: its subscriptions end with it. */
  void sessionEnded() {
    running.values().forEach(f -> f.set(true));
    running.clear();
  }

  private void publish(LogSubscription s, Channel channel, AtomicBoolean stop) {
    Sender out = new Sender(s.getId(), stop);
    DispatcherGrpc.newStub(channel).publishLogs(out);
    Map<String, String> containers = new HashMap<>();
    String error = "";
    try {
      for (TaskRuntime.TaskContainer c : runtime.taskContainers()) {
        containers.put(c.taskId(), c.id());
      }
    } catch (ShoalException | IllegalStateException e) {
      error = "cannot list the containers of node " + nodeId.get() + ": " + e.getMessage();
    }
    LogQuery q = new LogQuery(s.getSinceNs() == 0 ? null : Instant.ofEpochSecond(0, s.getSinceNs()), null,
        s.getTail() < 0 ? -1 : s.getTail(), s.getFollow());
    List<Thread> readers = new ArrayList<>();
    for (String taskId : s.getTaskIdsList()) {
      String containerId = containers.get(taskId);
      if (containerId == null) {
        continue;
      }
      Runnable read = () -> read(taskId, containerId, q, out, stop);
      if (s.getFollow()) {
        readers.add(Thread.ofVirtual().name("logs-" + taskId).start(read));
      } else {
        read.run();
      }
    }
    try {
      for (Thread t : readers) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.finish(error);
  }

  private void read(String taskId, String containerId, LogQuery q, Sender out, AtomicBoolean stop) {
    try {
      List<LogLine> batch = new ArrayList<>();
      runtime.logs(containerId, q, e -> {
        batch.add(line(taskId, e));
        if (q.follow() || batch.size() >= BATCH_LINES) {
          out.send(batch);
          batch.clear();
        }
      }, stop::get);
      out.send(batch);
    } catch (IOException | ShoalException | IllegalStateException e) {
      log.info("logs of task {}: {}", taskId, e.getMessage());
    }
  }

  private LogLine line(String taskId, LogEntry e) {
    Instant t = e.time();
    return LogLine.newBuilder().setTaskId(taskId).setNodeId(nodeId.get()).setStream(e.streamNumber())
        .setData(ByteString.copyFrom(e.bytes()))
        .setTimeNs(t.getEpochSecond() * 1_000_000_000L + t.getNano()).build();
  }

  /** One subscription's stream to the manager; readers of several containers share it. */
  private static final class Sender implements ClientResponseObserver<LogBatch, PublishLogsAck> {
    private final String subscription;
    private final AtomicBoolean stop;
    // Guards the stream (not thread-safe) and waits for it to be ready.
    private final Object lock = new Object();
    private ClientCallStreamObserver<LogBatch> stream;

    Sender(String subscription, AtomicBoolean stop) {
      this.subscription = subscription;
      this.stop = stop;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<LogBatch> s) {
      stream = s;
      s.setOnReadyHandler(() -> {
        synchronized (lock) {
          lock.notifyAll();
        }
      });
    }

    void send(List<LogLine> lines) {
      if (lines.isEmpty()) {
        return;
      }
      write(LogBatch.newBuilder().setSubscriptionId(subscription).addAllLines(lines).build());
    }

    void finish(String error) {
      write(LogBatch.newBuilder().setSubscriptionId(subscription).setDone(true).setError(error).build());
      synchronized (lock) {
        try {
          if (stop.get()) {
            stream.cancel("the subscription ended", null);
          } else {
            stream.onCompleted();
          }
        } catch (RuntimeException e) {
          log.debug("log stream {} already closed: {}", subscription, e.toString());
        }
      }
    }

    private void write(LogBatch b) {
      synchronized (lock) {
        try {
          while (!stream.isReady() && !stop.get()) {
            lock.wait(100);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stop.set(true);
        }
        if (stop.get()) {
          return;
        }
        stream.onNext(b);
      }
    }

    @Override
    public void onNext(PublishLogsAck value) {}

    @Override
    public void onError(Throwable t) {
      stop.set(true);
    }

    @Override
    public void onCompleted() {}
  }
}
