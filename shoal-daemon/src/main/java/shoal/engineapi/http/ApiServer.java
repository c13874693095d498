package shoal.engineapi.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.InvalidArgumentException;
import shoal.errors.SystemException;

/**
 * The Engine API's HTTP/1.1 server on unix sockets ({@code unix:///run/shoal.sock}) and TCP
 * ({@code tcp://127.0.0.1:2375}). Each request is served on its own virtual thread.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  private final List<String> hosts;
  private final Router router;
  private final ObjectMapper json;
  private final ApiRequestLine.ApiVersion api;
  private final Map<String, String> headers;
  private final Function<Throwable, ApiError> errors;
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Channel> listeners = new ArrayList<>();
  private final List<Path> socketFiles = new ArrayList<>();

  public ApiServer(
      List<String> hosts,
      Router router,
      ObjectMapper json,
      String apiVersion,
      String minApiVersion,
      Map<String, String> headers,
      Function<Throwable, ApiError> errors) {
    this.hosts = List.copyOf(hosts);
    this.router = router;
    this.json = json;
    this.api = new ApiRequestLine.ApiVersion(apiVersion, minApiVersion);
    this.headers = Map.copyOf(headers);
    this.errors = errors;
  }

  public void start() {
    for (String host : hosts) {
      listeners.add(bind(host));
    }
  }

  private Channel bind(String host) {
    ChannelInitializer<Channel> init =
        new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new HttpServerExpectContinueHandler())
                .addLast(new ApiChannelHandler(router, workers, json, api, headers, errors));
          }
        };
    // Half-closure: `docker run -i` shuts its side of an attach down at the end of stdin and still
    // reads the container's output; without it the channel would close at once.
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .childOption(io.netty.channel.ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childHandler(init);
    if (host.startsWith("unix://")) {
      Path path = Path.of(host.substring("unix://".length()));
      prepareSocketFile(path);
      Channel ch =
          b.channel(EpollServerDomainSocketChannel.class)
              .bind(new DomainSocketAddress(path.toString()))
              .syncUninterruptibly()
              .channel();
      try {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
      } catch (IOException e) {
        throw new SystemException("cannot set permissions of " + path + ": " + e.getMessage(), e);
      }
      socketFiles.add(path);
      log.info("API listening on {}", host);
      return ch;
    }
    if (host.startsWith("tcp://")) {
      String hp = host.substring("tcp://".length());
      int colon = hp.lastIndexOf(':');
      if (colon < 0) {
        throw new InvalidArgumentException("invalid -H " + host + ": expected tcp://ADDRESS:PORT");
      }
      String addr = hp.substring(0, colon);
      int port = Integer.parseInt(hp.substring(colon + 1));
      Channel ch =
          b.channel(EpollServerSocketChannel.class)
              .bind(new InetSocketAddress(addr.isEmpty() ? "0.0.0.0" : addr, port))
              .syncUninterruptibly()
              .channel();
      log.info("API listening on {}", host);
      return ch;
    }
    throw new InvalidArgumentException(
        "invalid -H " + host + ": expected unix:///PATH or tcp://ADDRESS:PORT");
  }

  /** A socket file left by a daemon that died is removed; one that still answers is an error. */
  private static void prepareSocketFile(Path path) {
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      if (!Files.exists(path)) {
        return;
      }
      try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        probe.connect(UnixDomainSocketAddress.of(path));
        throw new SystemException(
            "another daemon is listening on " + path + "; stop it or choose another -H");
      } catch (IOException stale) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new SystemException("cannot prepare socket " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    for (Channel ch : listeners) {
      ch.close().awaitUninterruptibly();
    }
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    workers.shutdownNow();
    for (Path p : socketFiles) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        log.debug("cannot remove {}: {}", p, e.toString());
      }
    }
  }
}
