package shoal.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLogFileTest {
  @TempDir Path dir;

  private static LogEntry entry(String text, int second) {
    return new LogEntry("stdout", (text + "\n").getBytes(StandardCharsets.UTF_8), Instant.ofEpochSecond(1_700_000_000L + second));
  }

  private List<String> read(JsonLogFile f, LogQuery q) throws Exception {
    List<String> out = new CopyOnWriteArrayList<>();
    f.read(q, e -> out.add(new String(e.bytes(), StandardCharsets.UTF_8).strip()), () -> false);
    return out;
  }

  @Test
  void tailSinceAndUntilSelectEntries() throws Exception {
    JsonLogFile f = new JsonLogFile(dir.resolve("c-json.log"));
    for (int i = 0; i < 5; i++) {
      f.append(entry("line" + i, i));
    }
    assertThat(read(f, LogQuery.all())).containsExactly("line0", "line1", "line2", "line3", "line4");
    assertThat(read(f, new LogQuery(null, null, 2, false))).containsExactly("line3", "line4");
    assertThat(read(f, new LogQuery(null, null, 0, false))).isEmpty();
    Instant since = Instant.ofEpochSecond(1_700_000_001L);
    Instant until = Instant.ofEpochSecond(1_700_000_003L);
    assertThat(read(f, new LogQuery(since, until, -1, false))).containsExactly("line1", "line2");
  }

  @Test
  void followStreamsNewEntriesUntilTheRunEnds() throws Exception {
    JsonLogFile f = new JsonLogFile(dir.resolve("c-json.log"));
    f.startRun();
    f.append(entry("before", 0));
    List<String> seen = new CopyOnWriteArrayList<>();
    Thread follower = Thread.ofVirtual().start(() -> {
      try {
        f.read(new LogQuery(null, null, -1, true), e -> seen.add(new String(e.bytes()).strip()), () -> false);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    f.append(entry("during", 1));
    f.endRun();
    follower.join(5000);
    assertThat(follower.isAlive()).isFalse();
    assertThat(seen).containsExactly("before", "during");
  }
}
