package shoal.runtime.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Docker's json-file line: {@code {"log":"hi\n","stream":"stdout","time":"2024-05-01T10:00:00.123456789Z"}}.
 * Strings are escaped as Go's encoder does (HTML characters as {@code \u003c}), times are RFC 3339
 * with nanoseconds and no trailing zeros.
 */
public final class JsonLogCodec {
  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonLogCodec() {}

  public static byte[] encode(LogEntry e) {
    StringBuilder sb = new StringBuilder(e.bytes().length + 80);
    sb.append("{\"log\":\"");
    escape(new String(e.bytes(), StandardCharsets.UTF_8), sb);
    sb.append("\",\"stream\":\"").append(e.stream()).append("\",\"time\":\"");
    sb.append(rfc3339Nano(e.time())).append("\"}\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Decodes one line (without or with its trailing newline); null when it is not a log line. */
  public static LogEntry decode(byte[] line, int off, int len) {
    try (JsonParser p = JSON.createParser(line, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String log = null;
      String stream = LogEntry.STDOUT;
      Instant time = Instant.EPOCH;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "log" -> log = p.getText();
          case "stream" -> stream = p.getText();
          case "time" -> time = Instant.parse(p.getText());
          default -> p.skipChildren();
        }
      }
      return log == null ? null : new LogEntry(stream, log.getBytes(StandardCharsets.UTF_8), time);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Go's RFC3339Nano: fractional seconds without trailing zeros, none at all for whole seconds. */
  public static String rfc3339Nano(Instant t) {
    StringBuilder sb = new StringBuilder(SECONDS.format(t));
    int nanos = t.getNano();
    if (nanos != 0) {
      String frac = String.format("%09d", nanos);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(frac, 0, end);
    }
    return sb.append('Z').toString();
  }

  /** Docker's RFC3339NanoFixed, used for {@code logs --timestamps}: always nine digits. */
  public static String rfc3339NanoFixed(Instant t) {
    return SECONDS.format(t) + String.format(".%09dZ", t.getNano());
  }

  static void escape(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicode(c, out);
        default -> {
          if (c < 0x20) {
            unicode(c, out);
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  private static void unicode(char c, StringBuilder out) {
    out.append("\\u").append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
  }
}
