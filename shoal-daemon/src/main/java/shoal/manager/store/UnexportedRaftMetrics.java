package shoal.manager.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.ratis.metrics.LongCounter;
import org.apache.ratis.metrics.MetricRegistries;
import org.apache.ratis.metrics.MetricRegistryInfo;
import org.apache.ratis.metrics.RatisMetricRegistry;
import org.apache.ratis.metrics.Timekeeper;
import org.apache.ratis.util.TimeDuration;

/**
 * Ratis' metrics, kept but not exported. Ratis needs an implementation on the class path (found
 * through {@code META-INF/services}); its own default one is not published to Maven Central, and
 * Shoal has no metrics endpoint to feed. Counters count and timers time, so Ratis code that reads
 * them behaves as with a real registry; gauges are not kept.
 */
public final class UnexportedRaftMetrics extends MetricRegistries {
  private final Map<MetricRegistryInfo, RatisMetricRegistry> registries = new ConcurrentHashMap<>();

  @Override
  public void clear() {
    registries.clear();
  }

  @Override
  public RatisMetricRegistry create(MetricRegistryInfo info) {
    return registries.computeIfAbsent(info, Registry::new);
  }

  @Override
  public boolean remove(MetricRegistryInfo info) {
    return registries.remove(info) != null;
  }

  @Override
  public Optional<RatisMetricRegistry> get(MetricRegistryInfo info) {
    return Optional.ofNullable(registries.get(info));
  }

  @Override
  public Set<MetricRegistryInfo> getMetricRegistryInfos() {
    return Set.copyOf(registries.keySet());
  }

  @Override
  public Collection<RatisMetricRegistry> getMetricRegistries() {
    return List.copyOf(registries.values());
  }

  @Override
  public void addReporterRegistration(
      Consumer<RatisMetricRegistry> add, Consumer<RatisMetricRegistry> remove) {}

  @Override
  public void enableJmxReporter() {}

  @Override
  public void enableConsoleReporter(TimeDuration period) {}

  private record Registry(MetricRegistryInfo info, Map<String, Object> metrics)
      implements RatisMetricRegistry {
    Registry(MetricRegistryInfo info) {
      this(info, new ConcurrentHashMap<>());
    }

    @Override
    public Timekeeper timer(String name) {
      return (Timekeeper) metrics.computeIfAbsent(name, n -> (Timekeeper) () -> {
        long start = System.nanoTime();
        return () -> System.nanoTime() - start;
      });
    }

    @Override
    public LongCounter counter(String name) {
      return (LongCounter) metrics.computeIfAbsent(name, n -> new Counter(new AtomicLong()));
    }

    @Override
    public boolean remove(String name) {
      return metrics.remove(name) != null;
    }

    @Override
    public <T> void gauge(String name, Supplier<Supplier<T>> gauge) {}

    @Override
    public MetricRegistryInfo getMetricRegistryInfo() {
      return info;
    }
  }

  private record Counter(AtomicLong count) implements LongCounter {
    @Override
    public void inc(long n) {
      count.addAndGet(n);
    }

    @Override
    public void dec(long n) {
      count.addAndGet(-n);
    }

    @Override
    public long getCount() {
      return count.get();
    }
  }
}
