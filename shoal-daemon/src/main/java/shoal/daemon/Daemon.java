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
import shoal.engineapi.http.ApiServer;
import shoal.engineapi.http.Router;
import shoal.errors.NotFoundException;
import shoal.events.EventLog;
import shoal.runtime.image.BuiltinBusybox;
import shoal.runtime.image.ImageStore;
import shoal.net.ContainerAttachments;
import shoal.net.EndpointSpec;
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

    new SystemRoutes(host, events, info, () -> "inactive").register(router);
    new ImageRoutes(images).register(router);
    new NetworkRoutes(net.service(), noContainersYet()).register(router);

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

  /** Until the container side is wired in, every container reference is unknown. */
  private static ContainerAttachments noContainersYet() {
    return new ContainerAttachments() {
      @Override
      public void connect(String containerRef, String network, EndpointSpec spec) {
        throw new NotFoundException("No such container: " + containerRef);
      }

      @Override
      public void disconnect(String containerRef, String network, boolean force) {
        throw new NotFoundException("No such container: " + containerRef);
      }
    };
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
