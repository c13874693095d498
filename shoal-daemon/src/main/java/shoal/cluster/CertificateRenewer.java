package shoal.cluster;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ShoalException;
import shoal.proto.NodeCaGrpc;
import shoal.proto.RenewRequest;
import shoal.proto.RenewResponse;

/**
 * Keeps the node's certificate fresh: renews it at a random point of 50–80 % of its life (see
 * {@link RenewalSchedule}) with a new key, stores it, and makes it the {@link CurrentIdentity}.
 * A failed attempt is retried well before expiry. {@link #renewNow()} renews at once, e.g. after
 * the node was promoted or demoted (the new role is in the new certificate).
 */
public final class CertificateRenewer {
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  static final Duration MIN_RETRY = Duration.ofMillis(200);
  static final Duration MAX_RETRY = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(CertificateRenewer.class);

  private final CurrentIdentity self;
  private final IdentityStore store;
  private final Supplier<? extends Channel> manager;
  private final RandomGenerator random;
  private final Clock clock;

  // Guards stopped, due and running; nothing else is held while it is.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private boolean stopped;
  private boolean due;
  private boolean running;

  /** @param manager a channel to a manager (e.g. {@link ClusterChannels#toManager}), asked for at each attempt */
  public CertificateRenewer(CurrentIdentity self, IdentityStore store, Supplier<? extends Channel> manager,
      RandomGenerator random, Clock clock) {
    this.self = self;
    this.store = store;
    this.manager = manager;
    this.random = random;
    this.clock = clock;
  }

  /** One renewal, now, on the caller's thread. */
  public NodeIdentity renew() throws IOException {
    NodeIdentity current = self.get();
    KeyPair keys = Certificates.newKeyPair();
    RenewResponse resp;
    try {
      resp = NodeCaGrpc.newBlockingStub(manager.get()).withDeadlineAfter(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .renew(RenewRequest.newBuilder().setCsr(ByteString.copyFrom(Certificates.csr(keys))).build());
    } catch (StatusRuntimeException e) {
      throw ClusterStatus.toShoal(e, "a manager");
    }
    NodeIdentity next = JoinClient.identity(keys, resp.getCertificate(), current.caDigest());
    if (!next.nodeId().equals(current.nodeId())) {
      throw new shoal.errors.SystemException("the manager renewed the certificate for another node: " + next);
    }
    store.save(next);
    self.set(next);
    log.info("renewed the certificate of node {}: {} until {}", next.nodeId(), next.role().ou(), next.notAfter());
    return next;
  }

  /** Makes the loop renew at once. */
  public void renewNow() {
    lock.lock();
    try {
      due = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Renews on schedule until {@link #stop()}. */
  public void run() throws InterruptedException {
    lock.lock();
    try {
      if (stopped) {
        return;
      }
      running = true;
    } finally {
      lock.unlock();
    }
    try {
      Instant next = RenewalSchedule.renewAt(self.get().certificate(), random);
      while (awaitDue(next)) {
        try {
          next = RenewalSchedule.renewAt(renew().certificate(), random);
        } catch (IOException | ShoalException e) {
          next = clock.instant().plus(retryDelay());
          log.warn("cannot renew the certificate of node {} (expires {}), retrying at {}: {}",
              self.get().nodeId(), self.get().notAfter(), next, e.getMessage());
        }
      }
    } finally {
      lock.lock();
      try {
        running = false;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Stops the loop and waits for it to end (at most one call's timeout). Idempotent. */
  public void stop() {
    lock.lock();
    try {
      stopped = true;
      changed.signalAll();
      while (running) {
        changed.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code next} or {@link #renewNow()}; false once stopped. */
  private boolean awaitDue(Instant next) throws InterruptedException {
    lock.lock();
    try {
      while (!stopped && !due) {
        long wait = Duration.between(clock.instant(), next).toMillis();
        if (wait <= 0) {
          break;
        }
        changed.await(wait, TimeUnit.MILLISECONDS);
      }
      due = false;
      return !stopped;
    } finally {
      lock.unlock();
    }
  }

  private Duration retryDelay() {
    Duration quarter = Duration.between(clock.instant(), self.get().notAfter()).dividedBy(4);
    return quarter.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : quarter.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : quarter;
  }
}
