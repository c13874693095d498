package shoal.manager.store;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;

/**
 * The snapshot files of the store, {@code snapshot.<term>_<index>} in Ratis' state machine
 * directory (which Ratis also ships to a follower that is too far behind). A file is the snapshot's
 * JSON on one line, then {@code sha256:<hex of that line>}; a file whose checksum does not match is
 * refused on load.
 */
final class SnapshotStore implements StateMachineStorage {
  private static final Pattern NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");
  private static final String CHECKSUM_PREFIX = "sha256:";

  private volatile Path dir;
  private volatile SingleFileSnapshotInfo latest;

  @Override
  public void init(RaftStorage storage) throws IOException {
    init(storage.getStorageDir().getStateMachineDir().toPath());
  }

  void init(Path directory) throws IOException {
    dir = directory;
    Files.createDirectories(dir);
    refresh();
  }

  @Override
  public SingleFileSnapshotInfo getLatestSnapshot() {
    return latest;
  }

  @Override
  public void format() {}

  @Override
  public File getSnapshotDir() {
    return dir == null ? null : dir.toFile();
  }

  @Override
  public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
    int keep = policy.getNumSnapshotsRetained();
    if (keep <= 0) {
      return;
    }
    List<Path> files = snapshotFiles();
    for (Path old : files.subList(0, Math.max(0, files.size() - keep))) {
      Files.deleteIfExists(old);
      Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".md5"));
    }
  }

  /** Rescans the directory (after a start, or after Ratis installed a snapshot from the leader). */
  void refresh() throws IOException {
    List<Path> files = snapshotFiles();
    if (files.isEmpty()) {
      latest = null;
      return;
    }
    Path newest = files.getLast();
    latest = new SingleFileSnapshotInfo(new FileInfo(newest, null), termIndexOf(newest));
  }

  /** Loads the newest snapshot, if there is one. @throws IOException if it is corrupt */
  Optional<StoreSnapshot> loadLatest() throws IOException {
    SingleFileSnapshotInfo info = latest;
    return info == null ? Optional.empty() : Optional.of(read(info.getFile().getPath()));
  }

  /** Writes a snapshot durably (temp file, fsync, rename) and makes it the latest. */
  Path write(StoreSnapshot snapshot) throws IOException {
    byte[] json = StoreJson.write(snapshot.body());
    byte[] trailer = ("\n" + CHECKSUM_PREFIX + sha256(json) + "\n").getBytes(StandardCharsets.UTF_8);
    TermIndex ti = snapshot.applied();
    Path file = dir.resolve("snapshot." + ti.getTerm() + "_" + ti.getIndex());
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(json));
      ch.write(java.nio.ByteBuffer.wrap(trailer));
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    refresh();
    return file;
  }

  /**
   * Reads and verifies one snapshot file.
   *
   * @throws IOException if it cannot be read, its checksum does not match, or it does not decode
   */
  static StoreSnapshot read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    int cut = lastNewlineBefore(all, all.length - 1);
    if (cut < 0) {
      throw new IOException("snapshot " + file + " is corrupt: no checksum line");
    }
    byte[] json = Arrays.copyOfRange(all, 0, cut);
    String trailer = new String(all, cut + 1, all.length - cut - 1, StandardCharsets.UTF_8).strip();
    String actual = CHECKSUM_PREFIX + sha256(json);
    if (!trailer.equals(actual)) {
      throw new IOException("snapshot " + file + " is corrupt: checksum " + actual
          + " does not match the recorded " + trailer);
    }
    StoreSnapshot snapshot = StoreSnapshot.of(StoreJson.read(json, StoreSnapshot.Body.class));
    if (!snapshot.applied().equals(termIndexOf(file))) {
      throw new IOException("snapshot " + file + " holds " + snapshot.applied() + ", not its name");
    }
    return snapshot;
  }

  private static int lastNewlineBefore(byte[] bytes, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private List<Path> snapshotFiles() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparingLong((Path p) -> termIndexOf(p).getIndex()))
          .toList();
    }
  }

  private static TermIndex termIndexOf(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a snapshot file: " + file);
    }
    return TermIndex.valueOf(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
