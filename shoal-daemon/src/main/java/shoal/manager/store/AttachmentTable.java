package shoal.manager.store;

import java.util.List;
import java.util.Optional;
import shoal.manager.store.objects.AttachmentObject;
import shoal.manager.store.objects.Kind;

/**
 * Standalone containers' attachments to swarm networks. Verbs and their exceptions ({@link
 * NotFoundException}, {@link AlreadyExistsException}, {@link VersionConflictException}): {@link
 * ObjectTable}.
 */
public final class AttachmentTable extends ObjectTable<AttachmentObject> {
  AttachmentTable(Tx tx) {
    super(tx, Kind.ATTACHMENT, AttachmentObject.class);
  }

  /** The attachments of a node's containers. */
  public List<AttachmentObject> onNode(String nodeId) {
    return list(a -> a.nodeId().equals(nodeId));
  }

  /** The container's attachment to the network, if it has one. */
  public Optional<AttachmentObject> of(String nodeId, String containerId, String networkId) {
    return list(a -> a.nodeId().equals(nodeId) && a.containerId().equals(containerId)
        && a.networkId().equals(networkId)).stream().findFirst();
  }
}
