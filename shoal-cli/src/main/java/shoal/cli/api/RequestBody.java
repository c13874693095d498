package shoal.cli.api;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import shoal.cli.json.Json;

/**
 * What a request carries: nothing, bytes, or a stream (of known length, or sent chunked when the
 * length is unknown, e.g. a tarball piped to {@code image load}).
 */
public sealed interface RequestBody {
  String contentType();

  record None() implements RequestBody {
    @Override
    public String contentType() {
      return null;
    }
  }

  record Bytes(String contentType, byte[] bytes) implements RequestBody {}

  /** @param length -1 when unknown: the body is sent chunked */
  record Stream(String contentType, InputStream in, long length) implements RequestBody {}

  RequestBody NONE = new None();

  static RequestBody json(Object value) {
    return new Bytes("application/json", Json.write(value).getBytes(StandardCharsets.UTF_8));
  }
}
