package shoal.cli.commands.service;

import java.util.Map;

/** Task states in the order a task goes through them, as the progress display ranks them. */
final class TaskStates {
  static final long RUNNING = 9;
  private static final Map<String, Long> RANK = Map.ofEntries(
      Map.entry("new", 1L), Map.entry("allocated", 2L), Map.entry("pending", 3L), Map.entry("assigned", 4L),
      Map.entry("accepted", 5L), Map.entry("preparing", 6L), Map.entry("ready", 7L), Map.entry("starting", 8L),
      Map.entry("running", RUNNING), Map.entry("complete", 10L), Map.entry("shutdown", 11L), Map.entry("failed", 12L),
      Map.entry("rejected", 13L));
  /** The longest state shown while a task converges ({@code preparing}, {@code allocated}). */
  static final int LONGEST = 9;

  private TaskStates() {}

  /** 0 for a state the display does not know (remove, orphaned). */
  static long rank(String state) {
    return RANK.getOrDefault(state, 0L);
  }

  /** Past running: complete, shutdown, failed, rejected. */
  static boolean terminal(String state) {
    return rank(state) > RUNNING;
  }
}
