package shoal.manager.store.objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A standalone container's place on an attachable swarm network ({@code docker run --network X}
 * or {@code network connect X c} on any node): its own kind, so that the orchestrator, the
 * scheduler, {@code service ps} and {@code node ps}, which all read tasks, never see it. The node
 * asks for it (state: no address); the leader's allocator gives it its address, as it does for
 * tasks, and frees it when the attachment is deleted (detach, or its node removed).
 *
 * @param nodeId the node that runs the container
 * @param containerId the container's full ID on that node
 * @param networkId the network's ID
 * @param address the container's address with prefix length ({@code 10.0.2.16/24}); empty until
 *     the allocator gave one
 */
public record AttachmentObject(
    String id, Meta meta, String nodeId, String containerId, String networkId, String address)
    implements StoreObject {
  public AttachmentObject {
    meta = Meta.orNone(meta);
    nodeId = nodeId == null ? "" : nodeId;
    containerId = containerId == null ? "" : containerId;
    networkId = networkId == null ? "" : networkId;
    address = address == null ? "" : address;
  }

  /** A new attachment, not stored and without its address. */
  public static AttachmentObject of(String id, String nodeId, String containerId, String networkId) {
    return new AttachmentObject(id, null, nodeId, containerId, networkId, "");
  }

  @Override
  public AttachmentObject withMeta(Meta meta) {
    return new AttachmentObject(id, meta, nodeId, containerId, networkId, address);
  }

  public AttachmentObject withAddress(String address) {
    return new AttachmentObject(id, meta, nodeId, containerId, networkId, address);
  }

  @JsonIgnore
  public boolean allocated() {
    return !address.isEmpty();
  }
}
