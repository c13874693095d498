package shoal.engineapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import shoal.errors.InvalidArgumentException;

/**
 * One request and its response. Handlers run on a worker (virtual) thread and use blocking calls:
 * read the body, then answer once with {@code respond*}, or open a {@link #stream} for a long
 * answer (logs, events, progress), or {@link #hijack} the connection for attach and exec.
 */
public final class ApiExchange {
  private final Channel channel;
  private final HttpRequest request;
  private final ApiRequestLine line;
  // The request body until a hijack; then what the client sends on the raw connection.
  private volatile BodyInputStream body;
  // The request's own body, which HTTP content always goes to, even when it is decoded after the
  // handler hijacked the connection (the request's last, empty chunk may come that late).
  private final BodyInputStream requestBody;
  private final ObjectMapper json;
  private final Map<String, String> responseHeaders = new java.util.LinkedHashMap<>();
  private final CompletableFuture<Void> clientGone = new CompletableFuture<>();
  private Map<String, String> pathParams = Map.of();
  private volatile ChannelOutput output;
  private volatile boolean responded;
  private volatile boolean hijacked;

  ApiExchange(
      Channel channel,
      HttpRequest request,
      ApiRequestLine line,
      ObjectMapper json,
      Map<String, String> responseHeaders) {
    this.channel = channel;
    this.request = request;
    this.line = line;
    this.body = new BodyInputStream(channel);
    this.requestBody = body;
    this.json = json;
    this.responseHeaders.putAll(responseHeaders);
  }

  // ---------------------------------------------------------------- request

  public String method() {
    return request.method().name();
  }

  /** The path without its {@code /v1.xx} prefix, decoded. */
  public String path() {
    return line.path();
  }

  /** The API version the client asked for in the path, or the server's own if none. */
  public String apiVersion() {
    return line.version();
  }

  public QueryParams query() {
    return line.query();
  }

  public String pathParam(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return v;
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = Map.copyOf(params);
  }

  public String header(String name) {
    return request.headers().get(name);
  }

  public InputStream body() {
    return body;
  }

  BodyInputStream bodySink() {
    return body;
  }

  BodyInputStream requestBodySink() {
    return requestBody;
  }

  /** The body as JSON; an empty body reads as {@code null}. Malformed JSON is a 400. */
  public JsonNode bodyJson() {
    try {
      byte[] bytes = body.readAllBytes();
      if (bytes.length == 0) {
        return null;
      }
      return json.readTree(bytes);
    } catch (IOException e) {
      throw new InvalidArgumentException("malformed JSON in request body: " + firstLine(e), e);
    }
  }

  /** The body bound to {@code type}; an empty body binds to {@code null}. */
  public <T> T bodyAs(Class<T> type) {
    JsonNode tree = bodyJson();
    if (tree == null || tree.isNull()) {
      return null;
    }
    try {
      return json.treeToValue(tree, type);
    } catch (IOException e) {
      throw new InvalidArgumentException("invalid request body: " + firstLine(e), e);
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Completes when the client closes its side; follow-style streams stop on it. */
  public CompletableFuture<Void> clientGone() {
    return clientGone;
  }

  /** Closes a stream the handler left open, so every response is complete. */
  void finish() {
    ChannelOutput out = output;
    if (out != null) {
      out.close();
    }
  }

  void markClientGone() {
    body.end();
    clientGone.complete(null);
    ChannelOutput out = output;
    if (out != null) {
      out.writabilityChanged();
    }
  }

  void writabilityChanged() {
    ChannelOutput out = output;
    if (out != null) {
      out.writabilityChanged();
    }
  }

  // ---------------------------------------------------------------- response

  /** Adds a header to the response this exchange will send; call before answering. */
  public synchronized void responseHeader(String name, String value) {
    responseHeaders.put(name, value);
  }

  public boolean responded() {
    return responded;
  }

  public boolean hijacked() {
    return hijacked;
  }

  public ObjectMapper json() {
    return json;
  }

  public void respondJson(int status, Object value) {
    try {
      respond(status, "application/json", json.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize response", e);
    }
  }

  public void respondNoContent() {
    respond(204, null, new byte[0]);
  }

  public void respondText(int status, String text) {
    respond(status, "text/plain; charset=utf-8", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public void respond(int status, String contentType, byte[] bytes) {
    beginResponse();
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(bytes));
    addCommonHeaders(r);
    if (contentType != null) {
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    if (status != 204 && status != 304) {
      HttpUtil.setContentLength(r, bytes.length);
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(r, keepAlive);
    ChannelFuture f = channel.writeAndFlush(r);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * Starts a chunked response; what is written to the stream reaches the client at once. Closing
   * the stream ends the response.
   */
  public OutputStream stream(int status, String contentType) {
    beginResponse();
    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
    addCommonHeaders(r);
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    HttpUtil.setTransferEncodingChunked(r, true);
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(r, keepAlive);
    channel.writeAndFlush(r);
    ChannelOutput out =
        new ChannelOutput(
            channel,
            false,
            () -> {
              ChannelFuture f = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
              if (!keepAlive) {
                f.addListener(ChannelFutureListener.CLOSE);
              }
            });
    output = out;
    return out;
  }

  /**
   * Takes the connection over for a raw duplex stream, as Docker does for attach and exec start:
   * answers {@code 101 UPGRADED} when the client asked to upgrade, else {@code 200 OK}, and from
   * then on {@link #body()} yields what the client sends and the returned stream writes raw bytes.
   * Closing the stream closes the connection.
   */
  public OutputStream hijack(String contentType) {
    beginResponse();
    hijacked = true;
    boolean upgrade =
        request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    HttpResponse r =
        new DefaultHttpResponse(
            HttpVersion.HTTP_1_1,
            upgrade ? new HttpResponseStatus(101, "UPGRADED") : HttpResponseStatus.OK);
    addCommonHeaders(r);
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    if (upgrade) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
      r.headers().set(HttpHeaderNames.UPGRADE, "tcp");
    }
    body = new BodyInputStream(channel);
    requestBody.close();
    // Stop decoding HTTP before the client sees the answer: it sends raw bytes (stdin) as soon as
    // it has it, and the decoder would swallow them. Bytes it holds go on to our handler.
    channel
        .eventLoop()
        .submit(
            () -> {
              HttpServerCodec codec = channel.pipeline().get(HttpServerCodec.class);
              if (codec != null) {
                codec.removeInboundHandler();
              }
            })
        .awaitUninterruptibly();
    ChannelFuture sent = channel.writeAndFlush(r);
    sent.awaitUninterruptibly();
    // From here the bytes are not HTTP any more: drop the codec on the event loop. Bytes the
    // decoder already buffered are passed on to our handler, which feeds them to the body.
    channel
        .eventLoop()
        .submit(
            () -> {
              if (channel.pipeline().get(HttpServerCodec.class) != null) {
                channel.pipeline().remove(HttpServerCodec.class);
              }
            })
        .awaitUninterruptibly();
    ChannelOutput out =
        new ChannelOutput(
            channel,
            true,
            () ->
                channel
                    .writeAndFlush(Unpooled.EMPTY_BUFFER)
                    .addListener(ChannelFutureListener.CLOSE));
    output = out;
    return out;
  }

  private void beginResponse() {
    synchronized (this) {
      if (responded) {
        throw new IllegalStateException(method() + " " + path() + " answered twice");
      }
      responded = true;
    }
  }

  private synchronized void addCommonHeaders(HttpResponse r) {
    responseHeaders.forEach((k, v) -> r.headers().set(k, v));
  }
}
