package shoal.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Samples of one measure and their median, min and max. */
final class Stats {
  private final String name;
  private final String unit;
  private final List<Double> samples = new ArrayList<>();

  Stats(String name, String unit) {
    this.name = name;
    this.unit = unit;
  }

  void add(double v) {
    samples.add(v);
  }

  double median() {
    List<Double> s = new ArrayList<>(samples);
    Collections.sort(s);
    int n = s.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  String line() {
    return String.format("%-48s n=%-3d median %8.3f %s [%.3f–%.3f]", name, samples.size(), median(), unit,
        Collections.min(samples), Collections.max(samples));
  }

  static String ratio(String what, Stats measured, Stats baseline) {
    return String.format("%-48s %.2f × (%s / %s)", what, measured.median() / baseline.median(), measured.name, baseline.name);
  }
}
