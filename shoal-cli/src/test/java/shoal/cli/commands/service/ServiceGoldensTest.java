package shoal.cli.commands.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shoal.cli.commands.service.ServiceLab.Run;
import shoal.cli.json.Json;
import shoal.cli.json.JsonNumber;
import shoal.cli.term.Terminal;

/**
 * Every {@link GoldenCase} run by shoal against a {@link ServiceLab}, its output compared with
 * what docker 28 printed against the same answers ({@link DockerGoldens}): stdout, and the exit
 * code and stderr when docker failed or warned, with "docker" read as "shoal" in usage texts.
 * For convergence cases, repeated identical lines are compared once (how many "verify: Waiting"
 * lines appear depends on timing). For {@code -req} cases the requests must match too, bodies
 * compared as JSON.
 */
class ServiceGoldensTest {
  /** Cases whose docker output cannot be matched: Go's pointer printing, a docker 28 bug (see NodePsCommand). */
  private static final List<String> NOT_COMPARED = List.of("inspect-format", "node-ps-multi");

  static Stream<GoldenCase> cases() {
    return GoldenCase.ALL.stream().filter(c -> !NOT_COMPARED.contains(c.name()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shoalPrintsWhatDockerPrints(GoldenCase c) throws Exception {
    try (ServiceLab lab = new ServiceLab()) {
      if (c.scenario() != null) {
        lab.play(c.scenario());
      }
      boolean terminal = c.name().endsWith("-tty");
      if (terminal) {
        // the width comes from the test's own terminal, if it runs on one: bars need more than 110 columns
        assumeTrue(Terminal.size().map(s -> s[1] > 110).orElse(true), "a terminal wider than 110 columns");
      }
      Run r = lab.shoal(terminal, c.args().toArray(String[]::new));
      String expectedErr = golden(c.name() + ".err.golden");
      String err = expectedErr == null ? "" : expectedErr.substring(expectedErr.indexOf('\n') + 1);
      int exit = expectedErr == null ? 0 : Integer.parseInt(expectedErr.substring("exit ".length(), expectedErr.indexOf('\n')));
      String expectedOut = golden(c.name() + ".golden");
      if (terminal) {
        // the pseudo-terminal docker ran on turned each line feed into CR LF
        assertThat(onceEach(r.out())).isEqualTo(onceEach(expectedOut.replace("\r\n", "\n")));
      } else if (c.scenario() != null) {
        assertThat(uniq(r.out())).as(r.err()).isEqualTo(uniq(expectedOut));
      } else {
        assertThat(untimed(r.out())).as(r.err()).isEqualTo(untimed(expectedOut));
      }
      assertThat(r.err()).isEqualTo(err.replace("docker ", "shoal "));
      assertThat(r.exitCode()).isEqualTo(exit);
      if (c.name().endsWith("-req")) {
        assertSameRequests(lab.requests(), golden(c.name() + ".requests.golden").lines().toList());
      }
    }
  }

  private static void assertSameRequests(List<String> mine, List<String> docker) {
    assertThat(mine).hasSameSizeAs(docker);
    for (int i = 0; i < docker.size(); i++) {
      String[] m = mine.get(i).split(" ", 3);
      String[] d = docker.get(i).split(" ", 3);
      assertThat(m[0] + " " + m[1]).isEqualTo(d[0] + " " + d[1]);
      if (d.length > 2) {
        assertThat(m).hasSize(3);
        assertThat(normalized(Json.parse(m[2]))).as(m[2]).isEqualTo(normalized(Json.parse(d[2])));
      }
    }
  }

  /**
   * JSON as docker's Go structs would write it: numbers by value, and the zero values Go leaves
   * out (shoal passes through what the daemon sent, which may hold them) left out.
   */
  private static Object normalized(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.TreeMap<>();
      m.forEach((k, x) -> {
        Object n = normalized(x);
        if (!(n instanceof java.math.BigDecimal d && d.signum() == 0 && !List.of("MaxAttempts", "ForceUpdate", "Parallelism",
            "MaxFailureRatio").contains(k.toString()))) {
          out.put(k.toString(), n);
        }
      });
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(normalized(x)));
      return out;
    }
    return v instanceof JsonNumber n ? n.decimal().stripTrailingZeros() : v;
  }

  /** The lab serves times relative to each request; in JSON they are absolute, so they are masked. */
  private static String untimed(String text) {
    return text.replaceAll("\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"", "\"<time>\"");
  }

  /** The same line redrawn several times in a row (the verify countdown) counted once. */
  private static String onceEach(String text) {
    return text.replaceAll("(\u001b\\[1A\u001b\\[2K\rverify: Waiting \\d seconds to verify that tasks are stable\\.\\.\\. \r\u001b\\[1B)+", "$1");
  }

  private static String uniq(String text) {
    StringBuilder sb = new StringBuilder();
    String previous = null;
    for (String line : text.split("\n", -1)) {
      if (!line.equals(previous)) {
        sb.append(line).append('\n');
      }
      previous = line;
    }
    return sb.toString();
  }

  static String golden(String name) throws IOException {
    try (InputStream in = ServiceGoldensTest.class.getResourceAsStream("/shoal/cli/commands/service/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
