package shoal.runtime.runc;

import java.util.Locale;
import java.util.Map;
import shoal.errors.InvalidArgumentException;

/** Signal names and numbers as Docker accepts them: {@code TERM}, {@code SIGTERM}, {@code 15}, {@code SIGRTMIN+3}. */
public final class Signals {
  public static final int SIGKILL = 9;
  public static final int SIGTERM = 15;
  public static final int SIGWINCH = 28;
  private static final int RTMIN = 34;
  private static final int RTMAX = 64;

  private static final Map<String, Integer> NAMES =
      Map.ofEntries(
          Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
          Map.entry("TRAP", 5), Map.entry("ABRT", 6), Map.entry("IOT", 6), Map.entry("BUS", 7),
          Map.entry("FPE", 8), Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("SEGV", 11),
          Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15),
          Map.entry("STKFLT", 16), Map.entry("CHLD", 17), Map.entry("CONT", 18), Map.entry("STOP", 19),
          Map.entry("TSTP", 20), Map.entry("TTIN", 21), Map.entry("TTOU", 22), Map.entry("URG", 23),
          Map.entry("XCPU", 24), Map.entry("XFSZ", 25), Map.entry("VTALRM", 26), Map.entry("PROF", 27),
          Map.entry("WINCH", 28), Map.entry("IO", 29), Map.entry("POLL", 29), Map.entry("PWR", 30),
          Map.entry("SYS", 31), Map.entry("RTMIN", RTMIN), Map.entry("RTMAX", RTMAX));

  private Signals() {}

  /** The signal's number; an unknown one is a 400 with Docker's words. */
  public static int parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidArgumentException("Invalid signal: " + raw);
    }
    String s = raw.strip().toUpperCase(Locale.ROOT);
    if (s.chars().allMatch(Character::isDigit)) {
      int n = Integer.parseInt(s);
      if (n < 1 || n > RTMAX) {
        throw new InvalidArgumentException("Invalid signal: " + raw);
      }
      return n;
    }
    if (s.startsWith("SIG")) {
      s = s.substring(3);
    }
    Integer n = NAMES.get(s);
    if (n != null) {
      return n;
    }
    try {
      if (s.startsWith("RTMIN+")) {
        int v = RTMIN + Integer.parseInt(s.substring(6));
        if (v <= RTMAX) {
          return v;
        }
      } else if (s.startsWith("RTMAX-")) {
        int v = RTMAX - Integer.parseInt(s.substring(6));
        if (v >= RTMIN) {
          return v;
        }
      }
    } catch (NumberFormatException ignored) {
      // falls through to the error below
    }
    throw new InvalidArgumentException("Invalid signal: " + raw);
  }
}
