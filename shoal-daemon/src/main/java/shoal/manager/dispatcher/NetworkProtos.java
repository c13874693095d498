package shoal.manager.dispatcher;

import java.time.Instant;
import shoal.agent.OverlayPeer;
import shoal.agent.TaskNetwork;
import shoal.manager.store.objects.Meta;
import shoal.manager.store.objects.NetworkObject;
import shoal.proto.Network;
import shoal.proto.Peer;
import shoal.proto.TaskNetworkAddress;

/**
 * Swarm networks, their endpoints' addresses and peers between the store's objects and the
 * session's messages, both ways (the dispatcher writes them, the agent reads them).
 */
public final class NetworkProtos {
  private NetworkProtos() {}

  /** @param n an allocated network */
  public static Network toProto(NetworkObject n) {
    NetworkObject.Spec s = n.spec();
    Network.Builder b = Network.newBuilder()
        .setId(n.id()).setName(s.name()).putAllLabels(s.labels()).setDriver(s.driver())
        .putAllOptions(s.options()).setAttachable(s.attachable()).setInternal(s.internal())
        .setIngress(s.ingress()).setRequestedSubnet(s.ipam().subnet())
        .setRequestedGateway(s.ipam().gateway()).setRequestedIpRange(s.ipam().ipRange())
        .setCreatedMs(n.meta().createdAt().toEpochMilli())
        .setUpdatedMs(n.meta().updatedAt().toEpochMilli()).setVersion(n.meta().version());
    NetworkObject.Allocation a = n.allocation();
    if (a != null) {
      b.setSubnet(a.subnet()).setGateway(a.gateway()).setIpRange(a.ipRange()).setVni(a.vxlanId());
    }
    return b.build();
  }

  public static NetworkObject fromProto(Network p) {
    NetworkObject.Spec spec = new NetworkObject.Spec(p.getName(), p.getLabelsMap(), p.getDriver(),
        p.getOptionsMap(), p.getAttachable(), p.getInternal(), p.getIngress(),
        new NetworkObject.Ipam(
            p.getRequestedSubnet(), p.getRequestedGateway(), p.getRequestedIpRange()));
    NetworkObject.Allocation allocation = p.getSubnet().isEmpty()
        ? null
        : new NetworkObject.Allocation(p.getSubnet(), p.getGateway(), p.getIpRange(), p.getVni());
    Meta meta = new Meta(p.getVersion(), Instant.ofEpochMilli(p.getCreatedMs()),
        Instant.ofEpochMilli(p.getUpdatedMs()));
    return new NetworkObject(p.getId(), meta, spec, allocation);
  }

  public static TaskNetworkAddress toProto(NetworkObject n, String address) {
    return TaskNetworkAddress.newBuilder().setNetwork(toProto(n)).setAddress(address).build();
  }

  public static TaskNetwork fromProto(TaskNetworkAddress p) {
    return new TaskNetwork(fromProto(p.getNetwork()), p.getAddress());
  }

  public static Peer toProto(OverlayPeer p) {
    return Peer.newBuilder()
        .setEndpointId(p.endpointId()).setIp(p.ip()).setMac(p.mac()).setVtep(p.vtep())
        .setNodeName(p.nodeName()).build();
  }

  public static OverlayPeer fromProto(Peer p) {
    return new OverlayPeer(p.getEndpointId(), p.getIp(), p.getMac(), p.getVtep(), p.getNodeName());
  }
}
