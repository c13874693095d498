package shoal.manager.dispatcher;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import shoal.cluster.Caller;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.errors.ShoalException;
import shoal.errors.UnavailableException;
import shoal.proto.AgentMessage;
import shoal.proto.AttachNetworkRequest;
import shoal.proto.AttachNetworkResponse;
import shoal.proto.DetachNetworkRequest;
import shoal.proto.DetachNetworkResponse;
import shoal.proto.DispatcherGrpc;
import shoal.proto.LogBatch;
import shoal.proto.LogSelector;
import shoal.proto.ManagerMessage;
import shoal.proto.PublishLogsAck;

/**
 * The dispatcher as every manager serves it on the cluster port: the leader hands each stream to
 * its running {@link Dispatcher}; a follower refuses it with UNAVAILABLE and names the leader's
 * cluster address in the {@link #LEADER} trailer so that the agent dials it next. Any manager
 * serves standalone containers' network attachments ({@link StandaloneAttachments}).
 */
public final class DispatcherService extends DispatcherGrpc.DispatcherImplBase {
  /** The leader's cluster address (host:port), on a refusal by a manager that is not the leader. */
  public static final Metadata.Key<String> LEADER = Metadata.Key.of("shoal-leader", Metadata.ASCII_STRING_MARSHALLER);

  public static final String NOT_LEADER = "this manager is not the leader";

  // The one mechanism for the running dispatcher: swapped whole when leadership changes.
  private final AtomicReference<Dispatcher> current = new AtomicReference<>();
  private final Supplier<Optional<String>> leaderAddr;
  private final StandaloneAttachments attachments;

  /** @param leaderAddr the leader's cluster address as this manager knows it, if any */
  public DispatcherService(Supplier<Optional<String>> leaderAddr) {
    this(leaderAddr, null);
  }

  /** @param attachments standalone containers' attachments (null: this manager refuses them) */
  public DispatcherService(Supplier<Optional<String>> leaderAddr, StandaloneAttachments attachments) {
    this.leaderAddr = leaderAddr;
    this.attachments = attachments;
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
      return new Ignored<>();
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
          case TASK_STATUS -> d.reported(session, m.getTaskStatus().getStatusesList());
          default -> { }
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

  @Override
  public StreamObserver<LogBatch> publishLogs(StreamObserver<PublishLogsAck> ack) {
    Dispatcher d = current.get();
    if (d == null) {
      ack.onError(Status.UNAVAILABLE.withDescription(NOT_LEADER).asRuntimeException());
      return new Ignored<>();
    }
    String nodeId = Caller.require().nodeId();
    return new StreamObserver<>() {
      // Serial callbacks: the subscription this stream serves, from its first batch.
      private String subscription = "";
      private boolean done;

      @Override
      public void onNext(LogBatch b) {
        subscription = b.getSubscriptionId();
        done |= b.getDone();
        d.logs().published(nodeId, b);
      }

      @Override
      public void onError(Throwable t) {
        if (!done && !subscription.isEmpty()) {
          d.logs().broken(nodeId, subscription);
        }
      }

      @Override
      public void onCompleted() {
        if (!done && !subscription.isEmpty()) {
          d.logs().broken(nodeId, subscription);
        }
        ack.onNext(PublishLogsAck.getDefaultInstance());
        ack.onCompleted();
      }
    };
  }

  /** The leader's dispatcher, if this manager leads. */
  public Optional<Dispatcher> local() {
    return Optional.ofNullable(current.get());
  }

  @Override
  public void subscribeLogs(LogSelector selector, StreamObserver<LogBatch> out) {
    Dispatcher d = current.get();
    if (d == null) {
      Metadata trailers = new Metadata();
      leaderAddr.get().ifPresent(a -> trailers.put(LEADER, a));
      out.onError(Status.UNAVAILABLE.withDescription(NOT_LEADER).asRuntimeException(trailers));
      return;
    }
    LogFeed feed = d.subscribeLogs(selector);
    LogRelay.toStream(feed, (io.grpc.stub.ServerCallStreamObserver<LogBatch>) out);
  }

  @Override
  public void attachNetwork(AttachNetworkRequest req, StreamObserver<AttachNetworkResponse> out) {
    answer(out, () -> {
      StandaloneAttachments.Attached a = attachments().attach(
          Caller.require().nodeId(), req.getNetwork(), req.getContainerId());
      return AttachNetworkResponse.newBuilder().setAttachmentId(a.attachment().id())
          .setNetwork(NetworkProtos.toProto(a.network(), a.attachment().address())).build();
    });
  }

  @Override
  public void detachNetwork(DetachNetworkRequest req, StreamObserver<DetachNetworkResponse> out) {
    answer(out, () -> {
      attachments().detach(Caller.require().nodeId(), req.getContainerId(), req.getNetworkId());
      return DetachNetworkResponse.getDefaultInstance();
    });
  }

  private StandaloneAttachments attachments() {
    if (attachments == null) {
      throw new UnavailableException("this manager does not serve network attachments");
    }
    return attachments;
  }

  /** Runs a unary call, answering Shoal's typed failures with the gRPC code the caller maps back. */
  private static <T> void answer(StreamObserver<T> out, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (ShoalException e) {
      Status code = switch (e) {
        case NotFoundException x -> Status.NOT_FOUND;
        case ForbiddenException x -> Status.PERMISSION_DENIED;
        case InvalidArgumentException x -> Status.INVALID_ARGUMENT;
        case UnavailableException x -> Status.UNAVAILABLE;
        default -> Status.INTERNAL;
      };
      out.onError(code.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    out.onNext(result);
    out.onCompleted();
  }

  private static final class Ignored<T> implements StreamObserver<T> {
    @Override
    public void onNext(T value) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }
}
