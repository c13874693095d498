package shoal.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class BuiltinBusyboxTest {
  private static final byte[] BINARY = "not really busybox".getBytes(StandardCharsets.UTF_8);
  private static final List<String> APPLETS = List.of("bin/sh", "usr/bin/[", "bin/busybox", "sbin/ifconfig", "linuxrc");

  @Test
  void theLayerIsTheSameByteForByteWhateverTheAppletOrder() throws IOException {
    byte[] one = BuiltinBusybox.layerTar(BINARY, APPLETS);
    byte[] two = BuiltinBusybox.layerTar(BINARY, APPLETS.reversed());
    assertThat(two).isEqualTo(one);
    assertThat(Digests.of(two)).isEqualTo(Digests.of(one));
  }

  @Test
  void theImageIdDependsOnlyOnTheLayer() throws IOException {
    String diffId = Digests.of(BuiltinBusybox.layerTar(BINARY, APPLETS));
    assertThat(BuiltinBusybox.config(diffId).id()).isEqualTo(BuiltinBusybox.config(diffId).id());
    String otherBinary = Digests.of(BuiltinBusybox.layerTar("other".getBytes(StandardCharsets.UTF_8), APPLETS));
    assertThat(BuiltinBusybox.config(otherBinary).id()).isNotEqualTo(BuiltinBusybox.config(diffId).id());
  }

  @Test
  void everyAppletIsAHardLinkToTheOneBinaryAndEverythingIsRootsWithAFixedTime() throws IOException {
    Map<String, TarArchiveEntry> entries = entries(BuiltinBusybox.layerTar(BINARY, APPLETS));
    assertThat(entries.get("bin/busybox").isFile()).isTrue();
    assertThat(entries.get("bin/busybox").getSize()).isEqualTo(BINARY.length);
    for (String a : List.of("bin/sh", "usr/bin/[", "sbin/ifconfig", "linuxrc")) {
      assertThat(entries.get(a).isLink()).as(a).isTrue();
      assertThat(entries.get(a).getLinkName()).isEqualTo("bin/busybox");
    }
    for (TarArchiveEntry e : entries.values()) {
      assertThat(e.getLongUserId()).isZero();
      assertThat(e.getLongGroupId()).isZero();
      assertThat(e.getModTime().toInstant()).isEqualTo(BuiltinBusybox.CREATED);
    }
    assertThat(entries.get("tmp/").getMode() & 07777).isEqualTo(01777);
    assertThat(entries.get("root/").getMode() & 07777).isEqualTo(0700);
    assertThat(entries).containsKeys("proc/", "sys/", "dev/", "etc/", "etc/passwd", "etc/group");
  }

  @Test
  void directoriesComeFirstAndTheBinaryBeforeItsLinks() throws IOException {
    List<String> names = new ArrayList<>(entries(BuiltinBusybox.layerTar(BINARY, APPLETS)).keySet());
    assertThat(names.indexOf("bin/busybox")).isLessThan(names.indexOf("usr/bin/["));
    assertThat(names.subList(0, names.indexOf("bin/busybox"))).allMatch(n -> n.endsWith("/"));
  }

  @Test
  void passwdAndGroupHaveRootAndNobody() throws IOException {
    String passwd = content(BuiltinBusybox.layerTar(BINARY, APPLETS), "etc/passwd");
    String group = content(BuiltinBusybox.layerTar(BINARY, APPLETS), "etc/group");
    assertThat(passwd).startsWith("root:x:0:0:").contains("\nnobody:x:65534:65534:");
    assertThat(group).startsWith("root:x:0:").contains("\nnobody:x:65534:");
  }

  @Test
  void theConfigRunsShWithTheStandardPath() {
    ImageConfig c = BuiltinBusybox.config("sha256:" + "a".repeat(64)).imageConfig();
    assertThat(c.cmd()).containsExactly("sh");
    assertThat(c.env()).containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    assertThat(c.entrypoint()).isEmpty();
  }

  @Test
  void theHostsBusyboxListsItsAppletsWithTheirDirectories() {
    List<String> applets = BuiltinBusybox.applets(java.nio.file.Path.of("/bin/busybox"));
    assertThat(applets).contains("bin/sh", "bin/busybox").hasSizeGreaterThan(100);
  }

  private static Map<String, TarArchiveEntry> entries(byte[] tar) throws IOException {
    Map<String, TarArchiveEntry> out = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), e);
      }
    }
    return out;
  }

  private static String content(byte[] tar, String name) throws IOException {
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no " + name);
  }
}
