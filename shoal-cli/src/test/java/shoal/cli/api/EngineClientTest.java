package shoal.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import shoal.cli.json.JsonNumber;

class EngineClientTest {
  /** Answers /_ping with the given API version, everything else with {@code answer}. */
  private static FakeDaemon daemon(String apiVersion, FakeDaemon.Handler answer) throws IOException {
    return new FakeDaemon((r, out, ch) -> {
      if (r.line().startsWith("GET /_ping ")) {
        FakeDaemon.write(out, "HTTP/1.1 200 OK\r\nApi-Version: " + apiVersion + "\r\nContent-Length: 2\r\n\r\nOK");
      } else {
        answer.handle(r, out, ch);
      }
    });
  }

  @Test
  void negotiatesTheLowerVersionAndPrefixesEveryPath() throws Exception {
    try (FakeDaemon d = daemon("1.40", (r, out, ch) ->
        FakeDaemon.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"a\":[1,2]}"))) {
      EngineClient c = new EngineClient(d.address(), "test");
      Object v = c.get("/containers/json", Query.of().flag("all", true).add("filters", "{\"x\":1}"));
      assertThat(v).isEqualTo(Map.of("a", List.of(new JsonNumber("1"), new JsonNumber("2"))));
      assertThat(c.apiVersion()).isEqualTo("1.40");
      assertThat(d.requests.get(1).line()).isEqualTo("GET /v1.40/containers/json?all=1&filters=%7B%22x%22%3A1%7D HTTP/1.1");
    }
  }

  @Test
  void aNewerDaemonIsSpokenToInTheClientsVersion() throws Exception {
    try (FakeDaemon d = daemon("1.50", (r, out, ch) -> FakeDaemon.write(out, "HTTP/1.1 204 No Content\r\n\r\n"))) {
      EngineClient c = new EngineClient(d.address(), "test");
      assertThat(c.post("/containers/x/start", null, null)).isNull();
      assertThat(d.requests.get(1).line()).startsWith("POST /v1.41/containers/x/start ");
      assertThat(d.requests.get(1).header("Content-Length")).isEqualTo("0");
    }
  }

  @Test
  void chunkedBodiesAreReassembled() throws Exception {
    try (FakeDaemon d = daemon("1.41", (r, out, ch) -> FakeDaemon.write(out,
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n6;ext=1\r\n:\"xyz\"\r\n1\r\n}\r\n0\r\n\r\n"))) {
      assertThat(new EngineClient(d.address(), "t").get("/info", null)).isEqualTo(Map.of("a", "xyz"));
    }
  }

  @Test
  void errorsCarryTheDaemonsMessageInDockersWords() throws Exception {
    String body = "{\"message\":\"No such container: web\"}";
    try (FakeDaemon d = daemon("1.41", (r, out, ch) -> FakeDaemon.write(out,
        "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body))) {
      EngineClient c = new EngineClient(d.address(), "t");
      assertThatThrownBy(() -> c.post("/containers/web/stop", null, null))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo("Error response from daemon: No such container: web");
          });
    }
  }

  @Test
  void aMissingSocketIsReportedAsAnUnreachableDaemon() {
    EngineClient c = new EngineClient(DaemonAddress.parse("unix:///nonexistent/shoal.sock"), "t");
    assertThatThrownBy(() -> c.get("/info", null)).isInstanceOf(DaemonUnreachableException.class)
        .hasMessage("Cannot connect to the Shoal daemon at unix:///nonexistent/shoal.sock. Is the daemon running?");
  }

  @Test
  void streamedResponsesAreReadAsTheyArrive() throws Exception {
    CountDownLatch firstRead = new CountDownLatch(1);
    try (FakeDaemon d = daemon("1.41", (r, out, ch) -> {
      FakeDaemon.write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nline1\n\r\n");
      try {
        firstRead.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      FakeDaemon.write(out, "6\r\nline2\n\r\n0\r\n\r\n");
    })) {
      try (HttpResponse r = new EngineClient(d.address(), "t").call("GET", "/events", null, RequestBody.NONE)) {
        byte[] first = r.body().readNBytes(6);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("line1\n"); // before the daemon sent line2
        firstRead.countDown();
        assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("line2\n");
      }
    }
  }

  @Test
  void aBodyOfUnknownLengthIsSentChunked() throws Exception {
    try (FakeDaemon d = daemon("1.41", (r, out, ch) -> FakeDaemon.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
      byte[] tar = new byte[100_000];
      for (int i = 0; i < tar.length; i++) {
        tar[i] = (byte) i;
      }
      InputStream unknownLength = new ByteArrayInputStream(tar);
      new EngineClient(d.address(), "t").call("POST", "/images/load", null,
          new RequestBody.Stream("application/x-tar", unknownLength, -1)).close();
      FakeDaemon.Request req = d.requests.get(1);
      assertThat(req.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(req.body()).isEqualTo(tar);
    }
  }

  @Test
  void hijackSwitchesProtocolsAndCarriesBothDirectionsUntilHalfClose() throws Exception {
    try (FakeDaemon d = daemon("1.41", (r, out, ch) -> {
      // Answer the upgrade, greet, then echo stdin back until the client half-closes.
      FakeDaemon.write(out, "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
          + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\nhello ");
      InputStream in = java.nio.channels.Channels.newInputStream(ch);
      byte[] echoed = in.readAllBytes(); // ends at the client's half-close
      out.write(echoed);
      out.write(" bye".getBytes(StandardCharsets.UTF_8));
      out.flush();
    })) {
      try (Hijacked h = new EngineClient(d.address(), "t").hijack("/containers/x/attach", Query.of().flag("stream", true), null)) {
        h.output().write("typed".getBytes(StandardCharsets.UTF_8));
        h.closeWrite();
        assertThat(new String(h.input().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello typed bye");
      }
      FakeDaemon.Request req = d.requests.get(1);
      assertThat(req.header("Upgrade")).isEqualTo("tcp");
      assertThat(req.header("Connection")).isEqualTo("Upgrade");
    }
  }

  @Test
  void tcpAddressesWorkOverLoopback() throws Exception {
    try (var server = java.nio.channels.ServerSocketChannel.open()) {
      server.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
      int port = ((java.net.InetSocketAddress) server.getLocalAddress()).getPort();
      Thread t = Thread.ofPlatform().daemon().start(() -> {
        for (int i = 0; i < 2; i++) {
          try (SocketChannel ch = server.accept()) {
            InputStream in = java.nio.channels.Channels.newInputStream(ch);
            while (!FakeDaemon.readLine(in).isEmpty()) {
              // skip the request
            }
            OutputStream out = java.nio.channels.Channels.newOutputStream(ch);
            FakeDaemon.write(out, "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\n{}");
          } catch (IOException e) {
            return;
          }
        }
      });
      EngineClient c = new EngineClient(DaemonAddress.parse("tcp://127.0.0.1:" + port), "t");
      assertThat(c.get("/info", null)).isEqualTo(Map.of());
      t.join(5000);
    }
  }

  @Test
  void daemonAddressComesFromFlagThenShoalHostThenDockerHost() {
    assertThat(DaemonAddress.select("tcp://h:1", Map.of("SHOAL_HOST", "unix:///a")).uri()).isEqualTo("tcp://h:1");
    assertThat(DaemonAddress.select(null, Map.of("SHOAL_HOST", "unix:///a", "DOCKER_HOST", "unix:///b")).uri()).isEqualTo("unix:///a");
    assertThat(DaemonAddress.select(null, Map.of("DOCKER_HOST", "unix:///b")).uri()).isEqualTo("unix:///b");
    assertThat(DaemonAddress.select(null, Map.of()).uri()).isEqualTo("unix:///run/shoal.sock");
    assertThatThrownBy(() -> DaemonAddress.parse("ssh://x")).hasMessageContaining("invalid host");
  }

  @Test
  void multiplexedFramesGoToTheirStreams() throws Exception {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.write(frame(1, "out1\n"));
    in.write(frame(2, "err1\n"));
    in.write(frame(1, ""));
    in.write(frame(1, "out2\n"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StdStreams.demux(new ByteArrayInputStream(in.toByteArray()), out, err);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out1\nout2\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err1\n");
  }

  @Test
  void aStreamCutInsideAFrameIsAnError() throws Exception {
    byte[] f = frame(1, "truncated");
    byte[] cut = java.util.Arrays.copyOf(f, f.length - 3);
    assertThatThrownBy(() -> StdStreams.demux(new ByteArrayInputStream(cut), new ByteArrayOutputStream(), new ByteArrayOutputStream()))
        .isInstanceOf(java.io.EOFException.class);
    assertThatThrownBy(() -> StdStreams.demux(new ByteArrayInputStream(frame(3, "boom")), new ByteArrayOutputStream(), new ByteArrayOutputStream()))
        .hasMessageContaining("boom");
  }

  static byte[] frame(int stream, String payload) {
    byte[] p = payload.getBytes(StandardCharsets.UTF_8);
    byte[] f = new byte[8 + p.length];
    f[0] = (byte) stream;
    f[4] = (byte) (p.length >>> 24);
    f[5] = (byte) (p.length >>> 16);
    f[6] = (byte) (p.length >>> 8);
    f[7] = (byte) p.length;
    System.arraycopy(p, 0, f, 8, p.length);
    return f;
  }
}
