package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessTableTest {
  @Test
  void keepsTheContainersRowsWithTheirCommandWhole() {
    String ps = "UID          PID    PPID  C STIME TTY          TIME CMD\n"
        + "root           1       0  0 10:00 ?        00:00:00 tini -s -- sleep infinity\n"
        + "root          42       1  0 10:01 ?        00:00:00 sh -c while :; do sleep 1; done\n"
        + "root          43      42  0 10:01 ?        00:00:00 sleep 1\n";
    ProcessTable.Top t = ProcessTable.parse(ps, Set.of(42L, 43L));
    assertThat(t.titles()).containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
    assertThat(t.processes()).hasSize(2);
    assertThat(t.processes().get(0).get(7)).isEqualTo("sh -c while :; do sleep 1; done");
    assertThat(t.processes().get(1)).isEqualTo(List.of("root", "43", "42", "0", "10:01", "?", "00:00:00", "sleep 1"));
  }
}
