package shoal.net;

import java.nio.file.Path;
import shoal.events.EventLog;
import shoal.net.bridge.BridgeDriver;
import shoal.net.bridge.HostFirewall;
import shoal.net.bridge.PortReservations;
import shoal.net.link.BridgeTool;
import shoal.net.link.IpRoute;
import shoal.net.link.Sysctl;
import shoal.net.nft.Nft;
import shoal.net.overlay.OverlayDriver;
import shoal.net.sandbox.SandboxNamespaces;

/**
 * The network side of one daemon, wired: the state, the kernel seams, {@link LocalNetworking} for
 * the runtime and {@link NetworkService} for the network routes. Closing it lets go of the held
 * host ports only; bridges, namespaces and rules stay for running containers (a restarted daemon
 * takes them over).
 */
public final class LocalNetworkStack implements AutoCloseable {
  private final LocalNetworking networking;
  private final NetworkService service;
  private final PortReservations ports;
  private final OverlayEndpoints overlays;

  private LocalNetworkStack(LocalNetworking networking, NetworkService service, PortReservations ports,
      OverlayEndpoints overlays) {
    this.overlays = overlays;
    this.networking = networking;
    this.service = service;
    this.ports = ports;
  }

  /** Loads the recorded state and brings the kernel in line with it. */
  public static LocalNetworkStack start(Path dataRoot, Path execRoot, EventLog events) {
    NetworkState state = NetworkState.load(dataRoot, execRoot);
    IpRoute ip = new IpRoute();
    Sysctl sysctl = new Sysctl();
    BridgeDriver bridges = new BridgeDriver(ip, sysctl);
    HostFirewall firewall = new HostFirewall(Nft.inHost());
    PortReservations ports = new PortReservations();
    SandboxNamespaces namespaces = new SandboxNamespaces(ip);
    OverlayEndpoints overlays = new OverlayEndpoints(state, new OverlayDriver(ip, new BridgeTool()), ip);
    LocalNetworking networking = new LocalNetworking(state, ip, bridges, namespaces, firewall, ports, events, overlays);
    SandboxRecovery recovery = new SandboxRecovery(state, networking, ip, bridges, namespaces, ports, overlays);
    NetworkService service = new NetworkService(state, recovery, ip, bridges, firewall, sysctl, events);
    overlays.gatewayBridgeMaker(service::ensureGatewayBridge);
    try {
      service.start();
    } catch (RuntimeException e) {
      ports.close();
      throw e;
    }
    return new LocalNetworkStack(networking, service, ports, overlays);
  }

  /** The overlay side, which the node's swarm session feeds. */
  public OverlayEndpoints overlays() {
    return overlays;
  }

  public LocalNetworking networking() {
    return networking;
  }

  public NetworkService service() {
    return service;
  }

  @Override
  public void close() {
    ports.close();
  }
}
