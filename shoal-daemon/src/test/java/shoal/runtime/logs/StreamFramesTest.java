package shoal.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class StreamFramesTest {
  @Test
  void headerIsStreamThenBigEndianLength() {
    assertThat(StreamFrames.header(2, 0x01020304)).containsExactly(2, 0, 0, 0, 1, 2, 3, 4);
  }

  @Test
  void framesRoundTripAndEmptyPayloadsAreSkipped() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamFrames.write(out, StreamFrames.STDOUT, "hi\n".getBytes(), 0, 3);
    StreamFrames.write(out, StreamFrames.STDERR, new byte[0], 0, 0);
    StreamFrames.write(out, StreamFrames.STDERR, "xerr".getBytes(), 1, 3);
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    StreamFrames.Frame a = StreamFrames.read(in);
    StreamFrames.Frame b = StreamFrames.read(in);
    assertThat(a.stream()).isEqualTo(1);
    assertThat(new String(a.payload())).isEqualTo("hi\n");
    assertThat(b.stream()).isEqualTo(2);
    assertThat(new String(b.payload())).isEqualTo("err");
    assertThat(StreamFrames.read(in)).isNull();
  }
}
