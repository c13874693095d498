package shoal.manager.dispatcher;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import shoal.cluster.Caller;
import shoal.proto.AgentMessage;
import shoal.proto.DispatcherGrpc;
import shoal.proto.ManagerMessage;

/**
 * The dispatcher as every manager serves it on the cluster port: the leader hands each stream to
 * its running {@link Dispatcher}; a follower refuses it with UNAVAILABLE and names the leader's
 * cluster address in the {@link #LEADER} trailer so that the agent dials it next.
 */
public final class DispatcherService extends DispatcherGrpc.DispatcherImplBase {
  /** The leader's cluster address (host:port), on a refusal by a manager that is not the leader. */
  public static final Metadata.Key<String> LEADER = Metadata.Key.of("shoal-leader", Metadata.ASCII_STRING_MARSHALLER);

  public static final String NOT_LEADER = "this manager is not the leader";

  // The one mechanism for the running dispatcher: swapped whole when leadership changes.
  private final AtomicReference<Dispatcher> current = new AtomicReference<>();
  private final Supplier<Optional<String>> leaderAddr;

  /** @param leaderAddr the leader's cluster address as this manager knows it, if any */
  public DispatcherService(Supplier<Optional<String>> leaderAddr) {
    this.leaderAddr = leaderAddr;
  }

  /** Sends new sessions to {@code d} (this manager became the leader). */
  public void serve(Dispatcher d) {
    current.set(d);
  }

  /** Stops sending new sessions to {@code d}. */
  public void unserve(Dispatcher d) {
    current.compareAndSet(d, null);
  }

  @Override
  public StreamObserver<AgentMessage> session(StreamObserver<ManagerMessage> out) {
    Dispatcher d = current.get();
    if (d == null) {
      Metadata trailers = new Metadata();
      leaderAddr.get().ifPresent(a -> trailers.put(LEADER, a));
      out.onError(Status.UNAVAILABLE.withDescription(NOT_LEADER).asRuntimeException(trailers));
      return new Ignored();
    }
    Session session = new Session(Caller.require().nodeId(), Caller.remoteHost().orElse(""), out);
    return new StreamObserver<>() {
      // gRPC calls a stream's observer serially: no lock needed for this flag.
      private boolean registered;

      @Override
      public void onNext(AgentMessage m) {
        switch (m.getBodyCase()) {
          case REGISTER -> {
            if (!registered) {
              registered = true;
              d.register(session, m.getRegister().getDescription());
            }
          }
          case HEARTBEAT -> d.beat(session);
          default -> { } // task status: issue 5
        }
      }

      @Override
      public void onError(Throwable t) {
        d.ended(session, false);
      }

      @Override
      public void onCompleted() {
        d.ended(session, true);
        session.close(Status.OK);
      }
    };
  }

  private static final class Ignored implements StreamObserver<AgentMessage> {
    @Override
    public void onNext(AgentMessage value) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }
}
