package shoal.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.engineapi.ErrorMapper;
import shoal.engineapi.HostFacts;
import shoal.engineapi.ImageRoutes;
import shoal.engineapi.InfoContributor;
import shoal.engineapi.Json;
import shoal.engineapi.NetworkRoutes;
import shoal.engineapi.SystemRoutes;
import shoal.engineapi.SwarmRoutes;
import shoal.engineapi.NodeRoutes;
import shoal.engineapi.ServiceRoutes;
import shoal.engineapi.TaskRoutes;
import shoal.agent.ContainerTaskRuntime;
import shoal.agent.HostDescription;
import shoal.agent.NodeOverlayPlane;
import shoal.swarm.NodeNetworks;
import shoal.swarm.SwarmNetworks;
import shoal.swarm.SwarmService;
import shoal.engineapi.ContainerRoutes;
import shoal.engineapi.ExecRoutes;
import shoal.runtime.container.ContainerService;
import shoal.runtime.container.RuntimeParts;
import shoal.runtime.container.RuntimePaths;
import shoal.runtime.exec.ExecService;
import shoal.runtime.runc.Runc;
import java.time.Clock;
import shoal.engineapi.http.ApiServer;
import shoal.engineapi.http.Router;
import shoal.events.EventLog;
import shoal.runtime.image.BuiltinBusybox;
import shoal.runtime.image.ImageStore;
import shoal.net.LocalNetworkStack;

/** Wires the daemon's parts together and owns their lifecycle. */
public final class Daemon implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);

  private final DaemonConfig config;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  private Daemon(DaemonConfig config) {
    this.config = config;
  }

  public static Daemon start(DaemonConfig config) throws IOException {
    Daemon d = new Daemon(config);
    try {
      d.startParts();
    } catch (RuntimeException | IOException e) {
      d.close();
      throw e;
    }
    return d;
  }

  private void startParts() throws IOException {
    Files.createDirectories(config.dataRoot());
    Files.createDirectories(config.execRoot());
    HostFacts host = HostFactsReader.read(config, "");
    EventLog events = new EventLog();
    Router router = new Router();
    List<InfoContributor> info = new ArrayList<>();
    ImageStore images = ImageStore.open(config.dataRoot(), events);
    BuiltinBusybox.ensure(images, Path.of("/bin/busybox"));
    info.add(i -> i.put("Images", images.count()));

    LocalNetworkStack net = LocalNetworkStack.start(config.dataRoot(), config.execRoot(), events);
    closeables.add(net);

    Runc runc = new Runc("runc", config.execRoot().resolve("runc"));
    ContainerService containers = new ContainerService(
        new RuntimePaths(config.dataRoot(), config.execRoot(), config.cgroupParent()),
        new RuntimeParts(images, net.networking(), runc, events, Clock.systemUTC()));
    containers.recover();
    images.setUsage(containers);
    ExecService execs = new ExecService(containers, runc, config.execRoot().resolve("exec"), events);
    info.add(i -> {
      int[] n = containers.counts();
      i.put("Containers", n[0]).put("ContainersRunning", n[1]).put("ContainersPaused", n[2]).put("ContainersStopped", n[3]);
    });

    NodeNetworks nodeNetworks = new NodeNetworks();
    NodeOverlayPlane overlayPlane = new NodeOverlayPlane(net.overlays(), nodeNetworks, net.service()::ensureGatewayBridge);
    SwarmService swarm = SwarmService.start(config.dataRoot(), new HostDescription(host.hostname(), Versions.SHOAL,
        "linux", "x86_64", Runtime.getRuntime().availableProcessors() * 1_000_000_000L, host.memTotal(), Map.of()),
        new ContainerTaskRuntime(containers, net.overlays()), overlayPlane);
    closeables.add(swarm);
    overlayPlane.connect(swarm::attacher, () -> swarm.pingState().startsWith("active/") ? swarm.info().nodeAddr() : "");
    SwarmRoutes swarmRoutes = new SwarmRoutes(swarm);
    info.add(swarmRoutes.info());

    new SystemRoutes(host, events, info, swarm::pingState).register(router);
    new ImageRoutes(images).register(router);
    new ContainerRoutes(containers, Clock.systemUTC()).register(router);
    new ExecRoutes(execs).register(router);
    new NetworkRoutes(net.service(), containers, new SwarmNetworks(swarm, nodeNetworks)).register(router);
    swarmRoutes.register(router);
    new NodeRoutes(swarm).register(router);
    new ServiceRoutes(swarm).register(router);
    new TaskRoutes(swarm).register(router);

    ApiServer api =
        new ApiServer(
            config.hosts(),
            router,
            Json.mapper(),
            Versions.API,
            Versions.MIN_API,
            Map.of(
                "Api-Version", Versions.API,
                "Docker-Experimental", "false",
                "Ostype", "linux",
                "Server", "Shoal/" + Versions.SHOAL + " (linux)"),
            ErrorMapper::toApiError);
    closeables.add(api);
    api.start();
    log.info("shoald {} ready (data root {}, exec root {})", Versions.SHOAL, config.dataRoot(), config.execRoot());
  }

  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        log.warn("error while stopping: {}", e.toString());
      }
    }
    closeables.clear();
  }
}
