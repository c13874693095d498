package shoal.runtime.logs;

import java.time.Instant;

/**
 * One message of a container's output as the json-file driver keeps it: a line with its newline,
 * or a partial line (no newline) when the line was longer than a buffer or the output ended.
 *
 * @param stream {@code stdout} or {@code stderr}
 */
public record LogEntry(String stream, byte[] bytes, Instant time) {
  public static final String STDOUT = "stdout";
  public static final String STDERR = "stderr";

  /** The stream's number in Docker's multiplexed framing: 1 stdout, 2 stderr. */
  public int streamNumber() {
    return STDERR.equals(stream) ? 2 : 1;
  }
}
