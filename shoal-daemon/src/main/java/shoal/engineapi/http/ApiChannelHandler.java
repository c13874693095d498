package shoal.engineapi.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.InvalidArgumentException;

/**
 * Turns the codec's messages into exchanges: each request gets its own worker thread, its body
 * is fed to it as it arrives, and (after a hijack) so are the raw bytes of the connection.
 */
final class ApiChannelHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ApiChannelHandler.class);

  private final Router router;
  private final ExecutorService workers;
  private final ObjectMapper json;
  private final ApiRequestLine.ApiVersion api;
  private final Map<String, String> responseHeaders;
  private final Function<Throwable, ApiError> errors;
  // Touched only on the channel's event loop.
  private ApiExchange current;

  ApiChannelHandler(
      Router router,
      ExecutorService workers,
      ObjectMapper json,
      ApiRequestLine.ApiVersion api,
      Map<String, String> responseHeaders,
      Function<Throwable, ApiError> errors) {
    this.router = router;
    this.workers = workers;
    this.json = json;
    this.api = api;
    this.responseHeaders = responseHeaders;
    this.errors = errors;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest req) {
      startExchange(ctx, req);
    }
    if (msg instanceof HttpContent content) {
      ApiExchange ex = current;
      if (ex != null) {
        ex.requestBodySink().offer(content.content().retain());
        if (content instanceof LastHttpContent) {
          ex.requestBodySink().end();
        }
      }
      content.release();
    } else if (msg instanceof ByteBuf raw) {
      ApiExchange ex = current;
      if (ex != null && ex.hijacked()) {
        ex.bodySink().offer(raw);
      } else {
        raw.release();
      }
    }
  }

  private void startExchange(ChannelHandlerContext ctx, HttpRequest req) {
    RuntimeException early = null;
    ApiRequestLine line;
    if (req.decoderResult().isFailure()) {
      early = new InvalidArgumentException("malformed HTTP request: " + req.decoderResult().cause());
      line = new ApiRequestLine(api.current(), "/", new QueryParams(Map.of()));
    } else {
      try {
        line = ApiRequestLine.parse(req.uri(), api);
      } catch (InvalidArgumentException e) {
        early = e;
        line = new ApiRequestLine(api.current(), req.uri(), new QueryParams(Map.of()));
      }
    }
    ApiExchange ex = new ApiExchange(ctx.channel(), req, line, json, responseHeaders);
    current = ex;
    RuntimeException failure = early;
    workers.execute(() -> serve(ex, failure));
  }

  private void serve(ApiExchange ex, RuntimeException early) {
    long start = System.nanoTime();
    try {
      if (early != null) {
        throw early;
      }
      var match = router.match(ex.method(), ex.path());
      if (match.isEmpty()) {
        ex.respondJson(404, Map.of("message", "page not found"));
        return;
      }
      ex.pathParams(match.get().params());
      match.get().handler().handle(ex);
      if (!ex.responded()) {
        throw new IllegalStateException(ex.method() + " " + ex.path() + " gave no answer");
      }
    } catch (Throwable t) {
      ApiError e = errors.apply(t);
      if (!ex.responded()) {
        if (e.status() >= 500) {
          log.warn("{} {} failed: {}", ex.method(), ex.path(), e.message(), t);
        }
        ex.respondJson(e.status(), Map.of("message", e.message()));
      } else {
        log.debug("{} {} stopped mid-stream: {}", ex.method(), ex.path(), e.message());
      }
    } finally {
      ex.finish();
      if (log.isDebugEnabled()) {
        log.debug("{} {} in {} µs", ex.method(), ex.path(), (System.nanoTime() - start) / 1000);
      }
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    ApiExchange ex = current;
    if (ex != null) {
      ex.writabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
      ApiExchange ex = current;
      log.debug("client shut its side down ({})", ex != null && ex.hijacked() ? "hijacked: input ends" : "closing");
      if (ex != null && ex.hijacked()) {
        // The client finished sending (its stdin ended) but still reads: end the input only.
        ex.bodySink().end();
      } else {
        ctx.close();
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    ApiExchange ex = current;
    if (ex != null) {
      ex.markClientGone();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("connection error: {}", cause.toString());
    ctx.close();
  }
}
