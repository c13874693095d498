package shoal.runtime.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns runc's own failure to start a container into Docker's message and exit code. */
final class RuncErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN_PREFIX = "runc run failed: ";

  private RuncErrors() {}

  /** The last error runc logged (its JSON log), or a plain note when it logged none. */
  static String lastError(Path runcLog) {
    String last = null;
    try {
      List<String> lines = Files.readAllLines(runcLog);
      for (String line : lines) {
        try {
          JsonNode n = JSON.readTree(line);
          if ("error".equals(n.path("level").asText()) || "fatal".equals(n.path("level").asText())) {
            last = n.path("msg").asText();
          }
        } catch (IOException notJson) {
          // runc writes one JSON object per line; anything else is not its message
        }
      }
    } catch (IOException e) {
      // no log: runc did not even start
    }
    return last == null ? "runc exited before the container started" : last;
  }

  /** Docker's wording, which the docker CLI parses to choose its exit code (127, 126). */
  static String dockerMessage(String runcError) {
    String m = runcError.startsWith(RUN_PREFIX) ? runcError.substring(RUN_PREFIX.length()) : runcError;
    return "OCI runtime create failed: runc create failed: " + m + ": unknown";
  }

  /** The exit code Docker records for a start that failed this way. */
  static int exitCodeFor(String message) {
    if (message.contains("executable file not found") || message.contains("no such file or directory")) {
      return 127;
    }
    if (message.contains("permission denied")) {
      return 126;
    }
    return 128;
  }
}
