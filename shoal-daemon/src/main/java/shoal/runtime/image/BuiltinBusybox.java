package shoal.runtime.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.common.Commands;

/**
 * The built-in {@code busybox:latest}, made from the host's static busybox: the binary at
 * {@code /bin/busybox}, every applet a hard link to it where {@code busybox --list-full} puts it,
 * {@code /etc/passwd} and {@code /etc/group} with root and nobody, and the usual empty directories.
 *
 * <p>Everything in it is fixed except the binary (entry order, owners, modes, times, the config
 * and its creation date), so every host with the same busybox makes the same layer digest and
 * image ID: a swarm can refer to it by ID.
 */
public final class BuiltinBusybox {
  private static final Logger log = LoggerFactory.getLogger(BuiltinBusybox.class);

  public static final String TAG = "busybox:latest";
  /** The date the image says it was made: fixed, for the ID's sake (Debian 12's release). */
  static final Instant CREATED = Instant.parse("2023-06-10T00:00:00Z");
  static final String PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final String BINARY_IN_IMAGE = "bin/busybox";
  private static final List<String> DIRS =
      List.of("bin", "dev", "etc", "home", "proc", "root", "sbin", "sys", "tmp", "usr", "usr/bin", "usr/sbin", "var", "var/www");
  private static final String PASSWD =
      "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
  private static final String GROUP = "root:x:0:\nnobody:x:65534:\n";

  private BuiltinBusybox() {}

  /**
   * Makes {@code busybox:latest} from {@code binary} unless that tag exists. Answers its ID, or
   * null when the host has no busybox (the daemon still works with loaded images).
   */
  public static String ensure(ImageStore store, Path binary) throws IOException {
    if (!Files.isExecutable(binary)) {
      log.warn("{} is missing (install busybox-static): there is no built-in {} image", binary, TAG);
      return null;
    }
    synchronized (store) {
      var existing = store.find(TAG);
      if (existing.isPresent()) {
        return existing.get().id();
      }
    }
    long start = System.nanoTime();
    byte[] tar = layerTar(Files.readAllBytes(binary), applets(binary));
    String diffId = Digests.of(tar);
    ConfigBlob config = config(diffId);
    try (Staging staging = store.stage()) {
      if (!staging.reuse(diffId)) {
        staging.addLayer(null, diffId, new ByteArrayInputStream(tar));
      }
      String id = staging.commit(config);
      staging.tag(TAG, id);
      log.info("built {} from {} ({}, {} ms)", TAG, binary, id, (System.nanoTime() - start) / 1_000_000);
      return id;
    }
  }

  /** Where each applet goes, as the binary itself says ({@code bin/sh}, {@code usr/bin/wc}…). */
  static List<String> applets(Path binary) {
    List<String> out = new ArrayList<>();
    for (String line : Commands.check(binary.toString(), "--list-full").split("\n")) {
      String p = TarPath.clean(line.strip());
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** The layer: directories, then the binary and the two files, then the links, each sorted. */
  static byte[] layerTar(byte[] busybox, List<String> applets) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(busybox.length + 512 * (applets.size() + 32));
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TreeSet<String> dirs = new TreeSet<>(DIRS);
      for (String a : applets) {
        for (int i = a.indexOf('/'); i >= 0; i = a.indexOf('/', i + 1)) {
          dirs.add(a.substring(0, i));
        }
      }
      for (String d : dirs) {
        int mode = switch (d) {
          case "tmp" -> 01777;
          case "root" -> 0700;
          default -> 0755;
        };
        add(tar, entry(d + "/", TarConstants.LF_DIR, mode), null);
      }
      add(tar, entry(BINARY_IN_IMAGE, TarConstants.LF_NORMAL, 0755), busybox);
      add(tar, entry("etc/group", TarConstants.LF_NORMAL, 0644), GROUP.getBytes(StandardCharsets.UTF_8));
      add(tar, entry("etc/passwd", TarConstants.LF_NORMAL, 0644), PASSWD.getBytes(StandardCharsets.UTF_8));
      for (String a : new TreeSet<>(applets)) {
        if (!a.equals(BINARY_IN_IMAGE)) {
          TarArchiveEntry link = entry(a, TarConstants.LF_LINK, 0755);
          link.setLinkName(BINARY_IN_IMAGE);
          add(tar, link, null);
        }
      }
      tar.finish();
    }
    return bytes.toByteArray();
  }

  private static TarArchiveEntry entry(String name, byte type, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    e.setMode(mode);
    e.setIds(0, 0);
    e.setNames("root", "root");
    e.setModTime(CREATED.toEpochMilli());
    return e;
  }

  private static void add(TarArchiveOutputStream tar, TarArchiveEntry e, byte[] content) throws IOException {
    e.setSize(content == null ? 0 : content.length);
    tar.putArchiveEntry(e);
    if (content != null) {
      tar.write(content);
    }
    tar.closeArchiveEntry();
  }

  static ConfigBlob config(String diffId) {
    ObjectNode root = ConfigBlob.json().createObjectNode();
    root.put("architecture", "amd64");
    ObjectNode config = root.putObject("config");
    config.putArray("Env").add(PATH_ENV);
    config.putArray("Cmd").add("sh");
    root.put("created", CREATED.toString());
    root.putArray("history")
        .addObject()
        .put("created", CREATED.toString())
        .put("created_by", "shoal: busybox-static of the host, every applet a link");
    root.put("os", "linux");
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    rootfs.putArray("diff_ids").add(diffId);
    return ConfigBlob.of(root);
  }
}
