package shoal.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonLogCodecTest {
  @Test
  void encodesAsDockersJsonFileDriver() {
    LogEntry e = new LogEntry("stdout", "a \"b\" <c> & d\t\\\n".getBytes(StandardCharsets.UTF_8),
        Instant.parse("2024-05-01T10:00:00.123456700Z"));
    assertThat(new String(JsonLogCodec.encode(e), StandardCharsets.UTF_8)).isEqualTo(
        "{\"log\":\"a \\\"b\\\" \\u003cc\\u003e \\u0026 d\\t\\\\\\n\",\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00.1234567Z\"}\n");
  }

  @Test
  void decodesWhatItEncodes() {
    LogEntry e = new LogEntry("stderr", "héllo\u0001\r\n".getBytes(StandardCharsets.UTF_8), Instant.parse("2024-05-01T10:00:00Z"));
    byte[] line = JsonLogCodec.encode(e);
    LogEntry back = JsonLogCodec.decode(line, 0, line.length - 1);
    assertThat(back.stream()).isEqualTo("stderr");
    assertThat(back.bytes()).isEqualTo(e.bytes());
    assertThat(back.time()).isEqualTo(e.time());
  }

  @Test
  void aLineThatIsNotALogEntryDecodesToNull() {
    byte[] junk = "{\"stream\":\"stdout\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(JsonLogCodec.decode(junk, 0, junk.length)).isNull();
    byte[] cut = "{\"log\":\"a".getBytes(StandardCharsets.UTF_8);
    assertThat(JsonLogCodec.decode(cut, 0, cut.length)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "2024-05-01T10:00:00Z,           2024-05-01T10:00:00Z,           2024-05-01T10:00:00.000000000Z",
    "2024-05-01T10:00:00.5Z,         2024-05-01T10:00:00.5Z,         2024-05-01T10:00:00.500000000Z",
    "2024-05-01T10:00:00.000000001Z, 2024-05-01T10:00:00.000000001Z, 2024-05-01T10:00:00.000000001Z",
  })
  void formatsTimesAsGo(String instant, String nano, String fixed) {
    Instant t = Instant.parse(instant);
    assertThat(JsonLogCodec.rfc3339Nano(t)).isEqualTo(nano);
    assertThat(JsonLogCodec.rfc3339NanoFixed(t)).isEqualTo(fixed);
  }
}
