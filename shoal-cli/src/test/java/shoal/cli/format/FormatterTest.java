package shoal.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shoal.cli.json.Json;

class FormatterTest {
  private static final Header HEADER = new Header(Map.of("ID", "NETWORK ID", "Name", "NAME"));
  private static final List<Object> ROWS = List.of(
      Json.parse("{\"ID\":\"056a7c55ad22\",\"Name\":\"bridge\"}"),
      Json.parse("{\"ID\":\"c7b207a9665f\",\"Name\":\"docker_gwbridge\"}"));

  @Test
  void tableFormatPrintsAHeaderAndAlignsTheRows() {
    assertThat(Formatter.render("table {{.ID}}\\t{{.Name}}", HEADER, ROWS)).isEqualTo("""
        NETWORK ID     NAME
        056a7c55ad22   bridge
        c7b207a9665f   docker_gwbridge
        """);
  }

  @Test
  void headerFunctionsLeaveTitlesAsTheyAre() {
    assertThat(Formatter.render("table {{lower .Name}}\\t{{.Label \"com.example.my-label\"}}", HEADER, List.of()))
        .isEqualTo("NAME      my label\n");
  }

  @Test
  void plainTemplatePrintsOneLinePerRowWithoutHeader() {
    assertThat(Formatter.render("{{.Name}}", HEADER, ROWS)).isEqualTo("bridge\ndocker_gwbridge\n");
  }

  @Test
  void jsonPrintsEachRowAsOneObject() {
    assertThat(Formatter.render("json", HEADER, ROWS.subList(0, 1))).isEqualTo("{\"ID\":\"056a7c55ad22\",\"Name\":\"bridge\"}\n");
  }

  @Test
  void aTableOfNothingIsTheHeaderOnly() {
    assertThat(Formatter.render("table {{.ID}}\t{{.Name}}", HEADER, List.of())).isEqualTo("NETWORK ID   NAME\n");
  }

  @Test
  void quietWinsOnlyOverTheDefaultFormat() {
    assertThat(Formatter.choose(null, "table {{.ID}}", true, "{{.ID}}")).isEqualTo("{{.ID}}");
    assertThat(Formatter.choose("table", "table x", true, "{{.ID}}")).isEqualTo("{{.ID}}");
    assertThat(Formatter.choose("{{.Name}}", "table x", true, "{{.ID}}")).isEqualTo("{{.Name}}");
  }
}
