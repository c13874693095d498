package shoal.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.errors.InvalidArgumentException;

class ImageChangesTest {
  private static String apply(String... changes) {
    ObjectNode config = ConfigBlob.json().createObjectNode();
    ImageChanges.apply(List.of(changes), config);
    return config.toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CMD [\"/bin/sh\"]                 | {\"Cmd\":[\"/bin/sh\"]}",
        "cmd echo hi there                | {\"Cmd\":[\"/bin/sh\",\"-c\",\"echo hi there\"]}",
        "CMD [not json                    | {\"Cmd\":[\"/bin/sh\",\"-c\",\"[not json\"]}",
        "ENTRYPOINT [\"/init\",\"-v\"]       | {\"Entrypoint\":[\"/init\",\"-v\"],\"Cmd\":null}",
        "ENTRYPOINT exec app              | {\"Entrypoint\":[\"/bin/sh\",\"-c\",\"exec app\"],\"Cmd\":null}",
        "ENV A=b                          | {\"Env\":[\"A=b\"]}",
        "ENV A=\"b c\" D='e f' G=h\\ i     | {\"Env\":[\"A=b c\",\"D=e f\",\"G=h i\"]}",
        "ENV A b c                        | {\"Env\":[\"A=b c\"]}",
        "LABEL team=core \"a b\"=c         | {\"Labels\":{\"team\":\"core\",\"a b\":\"c\"}}",
        "EXPOSE 80 53/udp 8000-8001       | {\"ExposedPorts\":{\"80/tcp\":{},\"53/udp\":{},\"8000/tcp\":{},\"8001/tcp\":{}}}",
        "USER nobody:nogroup              | {\"User\":\"nobody:nogroup\"}",
        "WORKDIR /srv/app/../www          | {\"WorkingDir\":\"/srv/www\"}",
        "STOPSIGNAL SIGINT                | {\"StopSignal\":\"SIGINT\"}",
        "STOPSIGNAL 9                     | {\"StopSignal\":\"9\"}",
        "VOLUME /data /logs               | {\"Volumes\":{\"/data\":{},\"/logs\":{}}}",
        "VOLUME [\"/data\"]                 | {\"Volumes\":{\"/data\":{}}}",
        "ONBUILD RUN make                 | {\"OnBuild\":[\"RUN make\"]}",
      })
  void appliesOneChangeAsADockerfileInstruction(String change, String config) {
    assertThat(apply(change)).isEqualTo(config);
  }

  @Test
  void laterChangesBuildOnEarlierOnes() {
    assertThat(apply("ENV A=1 B=2", "ENV A=3", "WORKDIR /srv", "WORKDIR app", "CMD run", "ENTRYPOINT [\"tini\"]"))
        .isEqualTo("{\"Env\":[\"A=3\",\"B=2\"],\"WorkingDir\":\"/srv/app\",\"Cmd\":[\"/bin/sh\",\"-c\",\"run\"],\"Entrypoint\":[\"tini\"]}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "RUN rm -rf /        | run is not a valid change command",
        "FROM scratch        | from is not a valid change command",
        "CMD                 | CMD requires at least one argument",
        "ENV A=1 B           | Syntax error - can't find = in \"B\". Must be of the form: name=value",
        "ENV A=\"unclosed     | unterminated quote in: A=\"unclosed",
        "EXPOSE 99999        | Invalid containerPort: 99999",
        "EXPOSE http         | Invalid containerPort: http",
        "STOPSIGNAL sig kill | Invalid signal: sig kill",
      })
  void refusesWhatDockerRefuses(String change, String message) {
    assertThatThrownBy(() -> apply(change)).isInstanceOf(InvalidArgumentException.class).hasMessage(message);
  }
}
