package shoal.cluster;

import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A manager's cluster port: gRPC over TLS with the node's certificate, every method guarded by
 * {@link AuthInterceptor}. Build it with each service and who may call it:
 *
 * <pre>{@code
 * ClusterServer server = ClusterServer.on(new InetSocketAddress(addr, ClusterServer.DEFAULT_PORT), self, directory)
 *     .add(new CaService(ca, directory, Clock.systemUTC()), Access.ANY_NODE)
 *     .access(NodeCaGrpc.getJoinMethod(), Access.UNAUTHENTICATED)
 *     .add(dispatcher, Access.ANY_NODE)
 *     .start();
 * }</pre>
 */
public final class ClusterServer implements AutoCloseable {
  public static final int DEFAULT_PORT = 2377;
  /** How long {@link #close()} lets calls in flight finish before cutting them. */
  static final long DRAIN_MILLIS = 2_000;
  /** Clients may ping this often to keep idle sessions open through NATs and detect dead peers. */
  static final long PERMIT_KEEPALIVE_SECONDS = 5;
  private static final Logger log = LoggerFactory.getLogger(ClusterServer.class);

  private final Server server;

  private ClusterServer(Server server) {
    this.server = server;
  }

  public static Builder on(InetSocketAddress address, CurrentIdentity self, RemovedNodes removed) {
    return new Builder(address, self, removed);
  }

  /** The bound port (the real one when asked for port 0). */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        server.awaitTermination(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  public static final class Builder {
    private final InetSocketAddress address;
    private final CurrentIdentity self;
    private final RemovedNodes removed;
    private final List<ServerServiceDefinition> services = new ArrayList<>();
    private final Map<String, Access> policy = new HashMap<>();

    private Builder(InetSocketAddress address, CurrentIdentity self, RemovedNodes removed) {
      this.address = address;
      this.self = self;
      this.removed = removed;
    }

    /** Serves {@code service}; each of its methods is open to {@code access} unless {@link #access} says otherwise. */
    public Builder add(BindableService service, Access access) {
      ServerServiceDefinition def = service.bindService();
      services.add(def);
      for (ServerMethodDefinition<?, ?> m : def.getMethods()) {
        policy.putIfAbsent(m.getMethodDescriptor().getFullMethodName(), access);
      }
      return this;
    }

    /** Sets who may call one method of a service added before or after. */
    public Builder access(MethodDescriptor<?, ?> method, Access access) {
      policy.put(method.getFullMethodName(), access);
      return this;
    }

    /** Binds the port and starts serving. */
    public ClusterServer start() throws IOException {
      NettyServerBuilder b = NettyServerBuilder.forAddress(address, ClusterTls.server(self))
          .permitKeepAliveTime(PERMIT_KEEPALIVE_SECONDS, TimeUnit.SECONDS)
          .permitKeepAliveWithoutCalls(true);
      AuthInterceptor auth = new AuthInterceptor(policy, removed);
      for (ServerServiceDefinition def : services) {
        b.addService(ServerInterceptors.intercept(def, auth));
      }
      Server server = b.build().start();
      log.info("cluster port listening on {}:{} as node {}", address.getHostString(), server.getPort(), self.get().nodeId());
      return new ClusterServer(server);
    }
  }
}
