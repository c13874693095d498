package shoal.manager.dispatcher;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.errors.UnavailableException;
import shoal.manager.store.Store;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.StoreException;
import shoal.manager.store.Tx;
import shoal.manager.store.Watch;
import shoal.manager.store.WatchClosedException;
import shoal.manager.store.objects.AttachmentObject;
import shoal.manager.store.objects.Ids;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.NetworkObject;

/**
 * Standalone containers' attachments to attachable swarm networks, on any manager: a node asks
 * ({@code AttachNetwork}), this stores the attachment, and the leader's allocator gives it its
 * address (the one writer of addresses, so a task and a container never get the same one); the
 * answer waits for that. Store writes reach the leader through Raft, so a manager that does not
 * lead serves it the same way.
 */
public final class StandaloneAttachments {
  /** How long an attach waits for the allocator. */
  static final Duration ALLOCATION_WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(StandaloneAttachments.class);

  /** An attachment with its address, and its network. */
  public record Attached(AttachmentObject attachment, NetworkObject network) {}

  private final Store store;

  public StandaloneAttachments(Store store) {
    this.store = store;
  }

  /**
   * The container's attachment to the network (the one it has, or a new one), once addressed.
   *
   * @throws NotFoundException {@code network X not found}
   * @throws ForbiddenException the network is not attachable ({@code network X not manually
   *     attachable}, swarmkit's words)
   * @throws UnavailableException no leader, or the allocator did not answer in time
   */
  public Attached attach(String nodeId, String networkRef, String containerId) {
    if (containerId.isEmpty()) {
      throw new InvalidArgumentException("an attachment needs a container ID");
    }
    try (Watch watch = store.watch(StoreEvent.ofKind(Kind.ATTACHMENT))) {
      Attached asked = store.update(tx -> {
        NetworkObject n = find(tx, networkRef)
            .orElseThrow(() -> new NotFoundException("network " + networkRef + " not found"));
        if (!n.spec().attachable() || n.spec().ingress()) {
          throw new ForbiddenException("network " + networkRef + " not manually attachable");
        }
        Optional<AttachmentObject> had = tx.attachments().of(nodeId, containerId, n.id());
        if (had.isPresent()) {
          return new Attached(had.get(), n);
        }
        AttachmentObject a = AttachmentObject.of(Ids.newId(), nodeId, containerId, n.id());
        tx.attachments().create(a);
        return new Attached(a, n);
      });
      if (asked.attachment().allocated()) {
        return asked;
      }
      return new Attached(await(watch, asked.attachment()), asked.network());
    } catch (StoreException e) {
      throw unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted while waiting for an address on network " + networkRef);
    }
  }

  /** Frees the container's address on the network; nothing to free is no error. */
  public void detach(String nodeId, String containerId, String networkId) {
    try {
      store.update(tx -> {
        for (AttachmentObject a : tx.attachments().list(a -> a.nodeId().equals(nodeId)
            && a.containerId().equals(containerId) && a.networkId().equals(networkId))) {
          tx.attachments().delete(a.id());
        }
        return null;
      });
    } catch (StoreException e) {
      throw unavailable(e);
    }
  }

  private AttachmentObject await(Watch watch, AttachmentObject asked) throws InterruptedException {
    long deadline = System.nanoTime() + ALLOCATION_WAIT.toNanos();
    try {
      for (long left; (left = deadline - System.nanoTime()) > 0; ) {
        StoreEvent e = watch.poll(Duration.ofNanos(left));
        if (e instanceof StoreEvent.ObjectEvent o && o.object().id().equals(asked.id())) {
          if (e instanceof StoreEvent.Deleted) {
            throw new UnavailableException("the attachment of container " + asked.containerId()
                + " to network " + asked.networkId() + " was refused by the allocator (network removed, or full)");
          }
          AttachmentObject now = (AttachmentObject) o.object();
          if (now.allocated()) {
            return now;
          }
        }
      }
    } catch (WatchClosedException e) {
      log.debug("watch for attachment {} closed: {}", asked.id(), e.getMessage());
    }
    // Nothing half-made stays: the allocator may still be down for long.
    try {
      detach(asked.nodeId(), asked.containerId(), asked.networkId());
    } catch (RuntimeException cleanup) {
      log.warn("cannot remove the unaddressed attachment {}: {}", asked.id(), cleanup.toString());
    }
    throw new UnavailableException("no address on network " + asked.networkId() + " within "
        + ALLOCATION_WAIT.toSeconds() + " s; is there a leader?");
  }

  /** By ID, exact name, or unique ID prefix. */
  private static Optional<NetworkObject> find(Tx tx, String ref) {
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    Optional<NetworkObject> n = tx.networks().find(ref);
    if (n.isPresent()) {
      return n;
    }
    n = tx.networks().byName(ref).filter(x -> x.spec().name().equals(ref));
    if (n.isPresent()) {
      return n;
    }
    List<NetworkObject> prefixed = tx.networks().list(x -> x.id().startsWith(ref));
    return prefixed.size() == 1 ? Optional.of(prefixed.getFirst()) : Optional.empty();
  }

  private static UnavailableException unavailable(StoreException e) {
    return new UnavailableException("The swarm does not have a leader. It's possible that too few managers"
        + " are online. Make sure more than half of the managers are online. (" + e.getMessage() + ")", e);
  }
}
