package shoal.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonIndentTest {
  @Test
  void indentsLikeGosJsonIndentKeepingTokensAsWritten() {
    String raw = "[{\"Id\":\"a\",\"Size\":1982364,\"F\":1.50,\"Labels\":{},\"Env\":[],\"Cmd\":[\"sh\",\"-c\"],\"S\":\"x:{[y]}\\\"\",\"N\":null}]\n";
    assertThat(JsonIndent.indent(raw, "    ")).isEqualTo("""
        [
            {
                "Id": "a",
                "Size": 1982364,
                "F": 1.50,
                "Labels": {},
                "Env": [],
                "Cmd": [
                    "sh",
                    "-c"
                ],
                "S": "x:{[y]}\\"",
                "N": null
            }
        ]""");
  }

  @Test
  void contextsAreWrittenWithGosHtmlEscaping() {
    JsonValue ctx = () -> java.util.Map.of("Tag", "<none>");
    assertThat(Json.write(ctx)).isEqualTo("{\"Tag\":\"\\u003cnone\\u003e\"}");
    assertThat(Json.write(java.util.Map.of("Tag", "<none>"))).isEqualTo("{\"Tag\":\"<none>\"}");
  }
}
