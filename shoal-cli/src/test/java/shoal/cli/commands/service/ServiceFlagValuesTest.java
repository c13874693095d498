package shoal.cli.commands.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;
import shoal.cli.json.Json;

/** The values of the service flags, read as docker reads them. */
class ServiceFlagValuesTest {
  @ParameterizedTest(name = "--publish {0}")
  @CsvSource(delimiter = '|', textBlock = """
      published=8080,target=80                    | [{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"}]
      mode=host,published=8081,target=80          | [{"Protocol":"tcp","TargetPort":80,"PublishedPort":8081,"PublishMode":"host"}]
      target=53,protocol=udp                      | [{"Protocol":"udp","TargetPort":53,"PublishMode":"ingress"}]
      Target=80,PUBLISHED=81                      | [{"Protocol":"tcp","TargetPort":80,"PublishedPort":81,"PublishMode":"ingress"}]
      8080:80                                     | [{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"}]
      80                                          | [{"Protocol":"tcp","TargetPort":80,"PublishMode":"ingress"}]
      9090:90/udp                                 | [{"Protocol":"udp","TargetPort":90,"PublishedPort":9090,"PublishMode":"ingress"}]
      8000-8001:80-81                             | [{"Protocol":"tcp","TargetPort":80,"PublishedPort":8000,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":81,"PublishedPort":8001,"PublishMode":"ingress"}]
      7000-7001:70                                | [{"Protocol":"tcp","TargetPort":70,"PublishedPort":7000,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":70,"PublishedPort":7001,"PublishMode":"ingress"}]
      """)
  void publishReadsTheLongAndTheShortSyntax(String value, String ports) {
    assertThat(Json.write(Publish.parse(value).ports())).isEqualTo(ports);
  }

  @ParameterizedTest(name = "--publish {0}")
  @CsvSource(delimiter = '|', textBlock = """
      1.2.3.4:80:80                  | hostip is not supported
      published=8080                 | missing mandatory field 'target'
      target=80,protocol=icmp        | invalid protocol value 'icmp'
      target=80,mode=bridge          | invalid publish mode value (bridge): must be either 'ingress' or 'host'
      target=80,color=red            | invalid field key: color
      target=70000                   | strconv.ParseUint: parsing "70000": value out of range
      target=x1                      | strconv.ParseUint: parsing "x1": invalid syntax
      """)
  void publishRefusesWhatDockerRefuses(String value, String message) {
    assertThatThrownBy(() -> new Publish.Converter().convert(value)).isInstanceOf(TypeConversionException.class).hasMessage(message);
  }

  @Test
  void networkTakesANameOrTheLongSyntax() {
    assertThat(NetworkAttachment.parse("my-overlay")).isEqualTo(new NetworkAttachment("my-overlay", List.of(), Map.of()));
    NetworkAttachment n = NetworkAttachment.parse("name=my-overlay,alias=web,alias=www,driver-opt=com.a=1");
    assertThat(Json.write(n.toSpec("abc"))).isEqualTo("{\"Target\":\"abc\",\"Aliases\":[\"web\",\"www\"],\"DriverOpts\":{\"com.a\":\"1\"}}");
    assertThatThrownBy(() -> NetworkAttachment.parse("alias=x")).hasMessage("network name/id is not specified");
  }

  @Test
  void entrypointAndArgsAreSplitAsAShellWould() {
    assertThat(ShellWords.split("/bin/sh -c")).containsExactly("/bin/sh", "-c");
    assertThat(ShellWords.split("nginx -g 'daemon off;'")).containsExactly("nginx", "-g", "daemon off;");
    assertThat(ShellWords.split("\"a b\" c\\ d \"e\\\"f\"")).containsExactly("a b", "c d", "e\"f");
    assertThat(ShellWords.split("   ")).isEmpty();
  }

  @Test
  void anUnclosedQuoteIsRefused() {
    assertThatThrownBy(() -> ShellWords.split("sh -c 'echo")).hasMessage("EOF found when expecting closing quote");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0.5,0.5", "0.1,0.1", "1,1", "0,0", "1e-2,0.01", ".25,0.25"})
  void failureRatiosAreWrittenAsGoWritesAFloat32(String value, String json) {
    assertThat(new GoFloat32().convert(value).text()).isEqualTo(json);
  }

  @Test
  void aFailureRatioThatIsNotANumberIsRefusedInGosWords() {
    assertThatThrownBy(() -> new GoFloat32().convert("half")).hasMessage("strconv.ParseFloat: parsing \"half\": invalid syntax");
  }

  @Test
  void envTakesLocalValuesAndTheLastValueOfAKeyGoesLast() {
    assertThat(Env.merge(List.of(), List.of("A=1", "B", "C", "A=9"), Map.of("C", "from-shell")))
        .containsExactly("B", "C=from-shell", "A=9");
    assertThat(Env.merge(List.of("MODE=prod", "DEBUG", "X=1"), List.of("X=2"), Map.of(), Set.of("DEBUG")))
        .containsExactly("MODE=prod", "X=2");
  }

  @ParameterizedTest(name = "{0} ns")
  @CsvSource({"0,0s", "1500,1.5µs", "500000000,500ms", "1000000000,1s", "1500000000,1.5s", "60000000000,1m0s",
      "90000000000,1m30s", "3600000000000,1h0m0s", "5400500000000,1h30m0.5s"})
  void durationsReadAsGoPrintsThem(long nanos, String text) {
    assertThat(GoText.duration(nanos)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      nginx:1.25@sha256:abc               | nginx:1.25
      busybox                             | busybox
      busybox@sha256:abc                  | busybox@sha256:abc
      docker.io/library/redis:7           | redis:7
      registry.example.com:5000/app:v2    | registry.example.com:5000/app:v2
      registry.example.com:5000/app       | registry.example.com:5000/app
      """)
  void tablesShowATaggedImageWithoutItsDigest(String image, String shown) {
    assertThat(ImageNames.display(image)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      [{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"}]            | *:8080->80/tcp
      [{"Protocol":"tcp","TargetPort":81,"PublishedPort":8081,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"}] | *:8080-8081->80-81/tcp
      [{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":80,"PublishedPort":8081,"PublishMode":"ingress"}] | *:8080-8081->80/tcp
      [{"Protocol":"tcp","TargetPort":80,"PublishedPort":80,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":81,"PublishedPort":81,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":80,"PublishedPort":82,"PublishMode":"ingress"}] | *:80-81->80-81/tcp, *:82->80/tcp
      [{"Protocol":"udp","TargetPort":53,"PublishedPort":53,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":9,"PublishedPort":9,"PublishMode":"host"}] | *:53->53/udp
      """)
  void lsGroupsConsecutiveIngressPorts(String ports, String shown) {
    assertThat(ServiceRow.ports(shoal.cli.json.Jv.list(Json.parse(ports)))).isEqualTo(shown);
  }

  @Test
  void progressErrorsAreCutAt75BytesOnOneLine() {
    assertThat(ConvergenceView.truncated("a\nb")).isEqualTo("a b");
    assertThat(ConvergenceView.truncated("x".repeat(80))).isEqualTo("x".repeat(74) + "…");
    assertThat(ConvergenceView.truncated("x".repeat(75))).isEqualTo("x".repeat(75));
  }
}
