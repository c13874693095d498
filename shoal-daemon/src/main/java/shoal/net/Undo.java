package shoal.net;

/** Undoing the steps already done when a later one failed. */
final class Undo {
  private Undo() {}

  /** Runs every step even when one fails; their failures ride on {@code cause} as suppressed. */
  static void all(RuntimeException cause, Runnable... steps) {
    for (Runnable step : steps) {
      try {
        step.run();
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
