package shoal.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TabWriterTest {
  @Test
  void columnsAreAsWideAsTheirWidestCellPlusThreeAndAtLeastTen() {
    String out = new TabWriter()
        .write("NETWORK ID\tNAME\tDRIVER\tSCOPE\n")
        .write("056a7c55ad22\tbridge\tbridge\tlocal\n")
        .write("c7b207a9665f\tdocker_gwbridge\tbridge\tlocal\n")
        .flush();
    // docker-lab/scenario-output.txt, docker network ls on dk-h1
    assertThat(out).isEqualTo("""
        NETWORK ID     NAME              DRIVER    SCOPE
        056a7c55ad22   bridge            bridge    local
        c7b207a9665f   docker_gwbridge   bridge    local
        """);
  }

  @Test
  void aHeaderAloneStillPadsToTheMinimumWidth() {
    assertThat(new TabWriter().write("NETWORK ID\tNAME\tDRIVER\tSCOPE\n").flush())
        .isEqualTo("NETWORK ID   NAME      DRIVER    SCOPE\n");
  }

  @Test
  void theLastCellOfALineIsNotPadded() {
    assertThat(new TabWriter().write("a\tb\n").flush()).isEqualTo("a         b\n");
  }

  @Test
  void aLineWithoutTabsEndsTheColumnBlock() {
    String out = new TabWriter().write("aaaaaaaaaaaaaaa\tb\nplain line\nc\td\n").flush();
    assertThat(out).isEqualTo("aaaaaaaaaaaaaaa   b\nplain line\nc         d\n");
  }

  @Test
  void linesWithFewerCellsSplitBlocksOfTheColumnsTheyLack() {
    String out = new TabWriter(1, 1).write("a\tb\tc\nxx\tyyyy\tz\nq\n").flush();
    assertThat(out).isEqualTo("a  b    c\nxx yyyy z\nq\n");
  }

  @Test
  void widthsCountCharactersNotBytes() {
    String out = new TabWriter(1, 1).write("é\tx\nab\ty\n").flush();
    assertThat(out).isEqualTo("é  x\nab y\n");
  }

  @Test
  void aPartialLastLineIsWrittenWithoutANewline() {
    assertThat(new TabWriter(1, 1).write("a\tb\nc\td").flush()).isEqualTo("a b\nc d");
  }
}
