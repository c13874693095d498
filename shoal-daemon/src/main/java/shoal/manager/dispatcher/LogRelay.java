package shoal.manager.dispatcher;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import shoal.proto.DispatcherGrpc;
import shoal.proto.LogBatch;
import shoal.proto.LogSelector;

/**
 * Log feeds across managers: the leader serves a feed on a {@code SubscribeLogs} stream, and a
 * manager that is not the leader reads that stream into a feed of its own, so that `service logs`
 * works on any manager.
 */
public final class LogRelay {
  private static final Duration POLL = Duration.ofMillis(250);

  private LogRelay() {}

  /** Sends the feed on {@code out} until it ends or the caller cancels (on a thread of its own). */
  static void toStream(LogFeed feed, ServerCallStreamObserver<LogBatch> out) {
    out.setOnCancelHandler(feed::close);
    Thread.ofVirtual().name("log-relay").start(() -> {
      try {
        while (!feed.closed()) {
          LogBatch b = feed.poll(POLL);
          if (b == null) {
            continue;
          }
          if (b.getDone()) {
            out.onCompleted();
            return;
          }
          out.onNext(b);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        feed.close();
      }
    });
  }

  /** The leader's feed for {@code selector}, read over {@code leader} into a local feed. */
  public static LogFeed fromLeader(Channel leader, LogSelector selector) {
    AtomicReference<ClientCallStreamObserver<LogSelector>> call = new AtomicReference<>();
    LogFeed feed = new LogFeed(() -> {
      ClientCallStreamObserver<LogSelector> c = call.get();
      if (c != null) {
        c.cancel("the reader left", null);
      }
    });
    DispatcherGrpc.newStub(leader).subscribeLogs(selector, new ClientResponseObserver<LogSelector, LogBatch>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<LogSelector> c) {
        call.set(c);
      }

      @Override
      public void onNext(LogBatch b) {
        feed.put(b);
      }

      @Override
      public void onError(Throwable t) {
        if (!feed.closed()) {
          Status s = Status.fromThrowable(t);
          feed.put(LogBatch.newBuilder().setError(LogBroker.INCOMPLETE + "the leader: "
              + (s.getDescription() == null ? s.getCode() : s.getDescription())).build());
          feed.end();
        }
      }

      @Override
      public void onCompleted() {
        feed.end();
      }
    });
    return feed;
  }
}
