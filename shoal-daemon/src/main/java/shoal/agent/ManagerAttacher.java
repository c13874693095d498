package shoal.agent;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.errors.ShoalException;
import shoal.errors.SystemException;
import shoal.errors.UnavailableException;
import shoal.manager.dispatcher.NetworkProtos;
import shoal.proto.AttachNetworkRequest;
import shoal.proto.AttachNetworkResponse;
import shoal.proto.DetachNetworkRequest;
import shoal.proto.DispatcherGrpc;

/**
 * The node's {@link NetworkAttacher}: asks a manager over the node's mutual-TLS channel (the one
 * its session is with, else the first it knows), which has the leader's allocator address the
 * container. The node's identity comes from its certificate.
 */
public final class ManagerAttacher implements NetworkAttacher {
  /** How long a call may take: the manager waits up to 10 s for the allocator. */
  static final Duration DEADLINE = Duration.ofSeconds(15);

  private static final Logger log = LoggerFactory.getLogger(ManagerAttacher.class);

  private final ManagerChannels channels;
  private final Supplier<List<String>> managers;

  /** @param managers the managers to ask, in order (the session's first) */
  public ManagerAttacher(ManagerChannels channels, Supplier<List<String>> managers) {
    this.channels = channels;
    this.managers = managers;
  }

  @Override
  public TaskNetwork attach(String networkRef, String containerId) {
    AttachNetworkResponse r = call(networkRef, addr -> stub(addr).attachNetwork(
        AttachNetworkRequest.newBuilder().setNetwork(networkRef).setContainerId(containerId).build()));
    TaskNetwork attached = NetworkProtos.fromProto(r.getNetwork());
    log.info("container {} attached to network {} ({}) at {}", containerId,
        attached.network().spec().name(), attached.network().id(), attached.address());
    return attached;
  }

  @Override
  public void detach(String containerId, String networkId) {
    call(networkId, addr -> stub(addr).detachNetwork(
        DetachNetworkRequest.newBuilder().setNetworkId(networkId).setContainerId(containerId).build()));
    log.info("container {} detached from network {}", containerId, networkId);
  }

  private DispatcherGrpc.DispatcherBlockingStub stub(String addr) {
    return DispatcherGrpc.newBlockingStub(channels.get(addr))
        .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  private interface Call<T> {
    T on(String addr);
  }

  /** Tries each manager while they are unreachable; any other answer is final. */
  private <T> T call(String networkRef, Call<T> call) {
    List<String> all = managers.get();
    if (all.isEmpty()) {
      throw new UnavailableException("no manager known to attach to network " + networkRef);
    }
    StatusRuntimeException last = null;
    for (String addr : all) {
      try {
        return call.on(addr);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
          throw mapped(networkRef, e);
        }
        last = e;
        log.debug("manager {} cannot serve the attachment to {}: {}", addr, networkRef, e.getStatus());
      }
    }
    throw mapped(networkRef, last);
  }

  private static ShoalException mapped(String networkRef, StatusRuntimeException e) {
    String why = e.getStatus().getDescription() == null
        ? e.getStatus().getCode().toString() : e.getStatus().getDescription();
    return switch (e.getStatus().getCode()) {
      case NOT_FOUND -> new NotFoundException(why, e);
      // Docker's words: the daemon's prefix around swarmkit's answer.
      case PERMISSION_DENIED -> new ForbiddenException("Could not attach to network " + networkRef
          + ": rpc error: code = PermissionDenied desc = " + why, e);
      case INVALID_ARGUMENT -> new InvalidArgumentException(why, e);
      case UNAVAILABLE, DEADLINE_EXCEEDED -> new UnavailableException(why, e);
      default -> new SystemException(why, e);
    };
  }
}
