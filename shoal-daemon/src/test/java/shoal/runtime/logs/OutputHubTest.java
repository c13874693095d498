package shoal.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputHubTest {
  @Test
  void aSubscriptionMadeBeforeTheStartGetsThatRunThenEnds() throws Exception {
    OutputHub hub = new OutputHub();
    OutputHub.Subscription s = hub.subscribe();
    hub.startRun();
    hub.publish(1, "abc".getBytes(), 1, 2);
    hub.endRun();
    OutputHub.Chunk c = s.next(100);
    assertThat(c.stream()).isEqualTo(1);
    assertThat(new String(c.bytes())).isEqualTo("bc");
    assertThat(s.next(10)).isNull();
    assertThat(s.ended()).isTrue();
    assertThat(hub.subscriberCount()).isZero();
  }

  @Test
  void aSubscriptionWhileStoppedWaitsForTheNextRun() throws Exception {
    OutputHub hub = new OutputHub();
    hub.startRun();
    hub.endRun();
    OutputHub.Subscription s = hub.subscribe();
    assertThat(s.next(10)).isNull();
    assertThat(s.ended()).isFalse();
    hub.startRun();
    hub.publish(2, "x".getBytes(), 0, 1);
    assertThat(s.next(100).stream()).isEqualTo(2);
  }
}
