package shoal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogTest {
  private static Event at(long nanos, String action) {
    return new Event("container", action, "c1", Map.of(), "local", nanos);
  }

  @Test
  void sinceZeroReplaysEveryRetainedEvent() throws Exception {
    EventLog log = new EventLog();
    log.publish(at(10, "create"));
    log.publish(at(20, "start"));
    try (EventLog.Subscription s = log.subscribe(e -> true, 0)) {
      assertThat(s.next(10).action()).isEqualTo("create");
      assertThat(s.next(10).action()).isEqualTo("start");
      assertThat(s.next(10)).isNull();
    }
  }

  @Test
  void aNegativeSinceReplaysNothingButDeliversNewEvents() throws Exception {
    EventLog log = new EventLog();
    log.publish(at(10, "create"));
    try (EventLog.Subscription s = log.subscribe(e -> true, -1)) {
      assertThat(s.next(10)).isNull();
      log.publish(at(30, "die"));
      assertThat(s.next(10).action()).isEqualTo("die");
    }
  }

  @Test
  void betweenReturnsTheRetainedWindowOnly() {
    EventLog log = new EventLog();
    log.publish(at(10, "create"));
    log.publish(at(20, "start"));
    log.publish(at(30, "die"));
    assertThat(log.between(15, 30, e -> true)).extracting(Event::action).containsExactly("start");
  }

  @Test
  void onlyTheLast256EventsAreRetained() {
    EventLog log = new EventLog();
    for (int i = 0; i < 300; i++) {
      log.publish(at(i, "e" + i));
    }
    assertThat(log.between(0, Long.MAX_VALUE, e -> true)).hasSize(256).first()
        .extracting(Event::action).isEqualTo("e44");
  }
}
