package shoal.runtime.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import shoal.errors.InvalidArgumentException;

/**
 * Unpacks one uncompressed layer tar into a directory that overlayfs can use as a lower layer,
 * computing the layer's diffID (the sha256 of the whole tar stream) on the way. AUFS whiteouts in
 * the tar become overlayfs whiteouts: {@code .wh.name} a 0/0 character device, {@code .wh..wh..opq}
 * the {@code trusted.overlay.opaque=y} attribute on its directory. Needs root (chown, mknod,
 * trusted xattrs), as the daemon is.
 *
 * <p>Failures reading the tar are the client's (400); failures writing the directory are ours.
 * Either way the caller removes the half-filled directory.
 */
final class LayerUnpacker {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final String OPAQUE_XATTR = "trusted.overlay.opaque";
  private static final String PAX_XATTR = "SCHILY.xattr.";
  private static final int TAR_END_BYTES = 1024;

  /** What unpacking found: the diffID ("sha256:…") and the bytes of regular files. */
  record Result(String diffId, long size) {}

  private record PendingDir(Path dir, FileTime mtime) {}

  private final Path root;
  private final List<PendingDir> dirs = new ArrayList<>();
  private final byte[] buffer = new byte[64 * 1024];
  private long size;

  private LayerUnpacker(Path root) {
    this.root = root;
  }

  /**
   * Reads the tar from {@code in} to its very end, unpacks it into {@code root} (an existing empty
   * directory) and copies every byte read to {@code copy}.
   */
  static Result unpack(InputStream in, Path root, OutputStream copy) throws IOException {
    HashingInput hashed = new HashingInput(in, copy);
    LayerUnpacker u = new LayerUnpacker(root);
    TarArchiveInputStream tar = new TarArchiveInputStream(hashed);
    int entries = 0;
    while (true) {
      TarArchiveEntry e;
      try {
        e = tar.getNextEntry();
      } catch (UncheckedIOException ex) {
        throw ex.getCause();
      } catch (IOException | RuntimeException ex) {
        throw invalid(ex);
      }
      if (e == null) {
        break;
      }
      entries++;
      try {
        u.apply(e, tar);
      } catch (UncheckedIOException ex) {
        throw ex.getCause();
      }
    }
    try {
      // The digest covers the whole stream, the end-of-archive blocks and padding included.
      hashed.transferTo(OutputStream.nullOutputStream());
    } catch (UncheckedIOException ex) {
      throw ex.getCause();
    } catch (IOException ex) {
      throw invalid(ex);
    }
    if (entries == 0 && (hashed.count < TAR_END_BYTES || hashed.sawNonZero)) {
      throw new InvalidArgumentException("invalid tar archive: no tar header found (is this a tar file?)");
    }
    u.finishDirectories();
    return new Result("sha256:" + HexFormat.of().formatHex(hashed.digest.digest()), u.size);
  }

  private static InvalidArgumentException invalid(Exception ex) {
    return new InvalidArgumentException("invalid tar archive: " + ex.getMessage(), ex);
  }

  private void apply(TarArchiveEntry e, InputStream content) throws IOException {
    TarPath name = TarPath.of(e.getName());
    switch (name.kind()) {
      case AUFS_META -> {}
      case OPAQUE -> LinuxFs.lsetxattr(directory(name.path()), OPAQUE_XATTR, new byte[] {'y'});
      case WHITEOUT -> {
        Path p = replaceable(name.path());
        LinuxFs.mknod(p, LinuxFs.S_IFCHR, 0);
        own(p, e);
      }
      case FILE -> {
        if (!name.path().isEmpty()) {
          create(name.path(), e, content);
        }
      }
    }
  }

  private void create(String path, TarArchiveEntry e, InputStream content) throws IOException {
    if (e.isDirectory()) {
      Path p = root.resolve(path);
      ensureParents(path);
      if (!Files.isDirectory(p, NOFOLLOW)) {
        removeIfPresent(p);
        Files.createDirectory(p);
      }
      describe(p, e);
      dirs.add(new PendingDir(p, e.getLastModifiedTime()));
      return;
    }
    Path p = replaceable(path);
    if (e.isLink()) {
      Path target = root.resolve(TarPath.clean(e.getLinkName()));
      ensureParents(TarPath.clean(e.getLinkName()));
      if (!Files.exists(target, NOFOLLOW) || Files.isDirectory(target, NOFOLLOW)) {
        throw new InvalidArgumentException(
            "invalid tar entry " + e.getName() + ": hard link to " + e.getLinkName() + ", which is not an earlier file");
      }
      Files.createLink(p, target);
      return;
    }
    if (e.isSymbolicLink()) {
      Files.createSymbolicLink(p, Path.of(e.getLinkName()));
    } else if (e.isFile()) {
      writeContent(p, content);
      size += e.getSize();
    } else if (e.isCharacterDevice() || e.isBlockDevice()) {
      int type = e.isCharacterDevice() ? LinuxFs.S_IFCHR : LinuxFs.S_IFBLK;
      LinuxFs.mknod(p, type | (e.getMode() & 07777), LinuxFs.makedev(e.getDevMajor(), e.getDevMinor()));
    } else if (e.isFIFO()) {
      LinuxFs.mknod(p, LinuxFs.S_IFIFO | (e.getMode() & 07777), 0);
    } else {
      throw new InvalidArgumentException(
          "invalid tar entry " + e.getName() + ": unsupported type '" + (char) e.getLinkFlag() + "'");
    }
    describe(p, e);
    setTime(p, e.getLastModifiedTime());
  }

  private void writeContent(Path p, InputStream content) throws IOException {
    try (OutputStream out = Files.newOutputStream(p)) {
      while (true) {
        int n;
        try {
          n = content.read(buffer);
        } catch (UncheckedIOException ex) {
          throw ex.getCause();
        } catch (IOException ex) {
          throw invalid(ex);
        }
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
      }
    }
  }

  /** Owner, then mode (chown clears set-id bits), then extended attributes. */
  private static void describe(Path p, TarArchiveEntry e) throws IOException {
    own(p, e);
    if (!e.isSymbolicLink()) {
      Files.setAttribute(p, "unix:mode", e.getMode() & 07777, NOFOLLOW);
    }
    for (Map.Entry<String, String> h : e.getExtraPaxHeaders().entrySet()) {
      if (h.getKey().startsWith(PAX_XATTR)) {
        String attr = h.getKey().substring(PAX_XATTR.length());
        // File capabilities and user attributes are content; anything else (SELinux labels,
        // overlay's own trusted.* attributes) is the source host's business, not the image's.
        if (attr.equals("security.capability") || attr.startsWith("user.")) {
          LinuxFs.lsetxattr(p, attr, h.getValue().getBytes(StandardCharsets.ISO_8859_1));
        }
      }
    }
  }

  private static void own(Path p, TarArchiveEntry e) throws IOException {
    Files.setAttribute(p, "unix:uid", (int) e.getLongUserId(), NOFOLLOW);
    Files.setAttribute(p, "unix:gid", (int) e.getLongGroupId(), NOFOLLOW);
  }

  private static void setTime(Path p, FileTime mtime) throws IOException {
    Files.getFileAttributeView(p, BasicFileAttributeView.class, NOFOLLOW).setTimes(mtime, mtime, null);
  }

  /** Directories get their times last: creating entries inside them changes them. */
  private void finishDirectories() throws IOException {
    for (int i = dirs.size() - 1; i >= 0; i--) {
      setTime(dirs.get(i).dir(), dirs.get(i).mtime());
    }
  }

  /** The path for a new entry: parents made, whatever was there before removed. */
  private Path replaceable(String path) throws IOException {
    ensureParents(path);
    Path p = root.resolve(path);
    removeIfPresent(p);
    return p;
  }

  private Path directory(String path) throws IOException {
    Path p = root.resolve(path);
    if (!path.isEmpty()) {
      ensureParents(path);
      if (!Files.isDirectory(p, NOFOLLOW)) {
        removeIfPresent(p);
        Files.createDirectory(p);
      }
    }
    return p;
  }

  /**
   * Makes the missing parents of {@code path}. An existing parent must be a real directory: going
   * through a symbolic link could write outside the layer.
   */
  private void ensureParents(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return;
    }
    Path cur = root;
    for (String part : path.substring(0, slash).split("/")) {
      cur = cur.resolve(part);
      try {
        if (Files.isSymbolicLink(cur)) {
          throw new InvalidArgumentException(
              "invalid tar entry " + path + ": its parent " + root.relativize(cur) + " is a symbolic link");
        }
        if (!Files.exists(cur, NOFOLLOW)) {
          Files.createDirectory(cur);
        } else if (!Files.isDirectory(cur, NOFOLLOW)) {
          throw new InvalidArgumentException(
              "invalid tar entry " + path + ": its parent " + root.relativize(cur) + " is not a directory");
        }
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }

  private static void removeIfPresent(Path p) throws IOException {
    if (Files.isDirectory(p, NOFOLLOW)) {
      Trees.delete(p);
    } else {
      Files.deleteIfExists(p);
    }
  }

  /** Hashes, counts and copies what is read through it; notes whether any byte was not zero. */
  private static final class HashingInput extends FilterInputStream {
    final MessageDigest digest = Digests.sha256();
    private final OutputStream copy;
    long count;
    boolean sawNonZero;

    HashingInput(InputStream in, OutputStream copy) {
      super(in);
      this.copy = copy;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        note(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        note(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Skipped bytes must be hashed and copied too: read them instead.
      byte[] scratch = new byte[(int) Math.min(n, 8192)];
      int r = read(scratch, 0, scratch.length);
      return Math.max(r, 0);
    }

    /** A failure to write the copy is ours, not a bad archive: it travels unchecked. */
    private void note(byte[] b, int off, int n) {
      digest.update(b, off, n);
      try {
        copy.write(b, off, n);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      count += n;
      if (!sawNonZero) {
        for (int i = off; i < off + n; i++) {
          if (b[i] != 0) {
            sawNonZero = true;
            break;
          }
        }
      }
    }
  }
}
