package shoal.runtime.container;

import java.util.ArrayDeque;
import java.util.Deque;

/** The steps a multi-step change has done, to be undone in reverse when a later step fails. */
final class Undo {
  /** One undo step; may fail, which is recorded and does not stop the others. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  private final Deque<Step> steps = new ArrayDeque<>();

  void add(Step s) {
    steps.push(s);
  }

  /** Runs every step, newest first; their failures are added to {@code cause} as suppressed. */
  void run(Throwable cause) {
    while (!steps.isEmpty()) {
      try {
        steps.pop().run();
      } catch (Exception e) {
        cause.addSuppressed(e);
      }
    }
  }
}
