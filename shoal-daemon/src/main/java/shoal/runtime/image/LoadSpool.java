package shoal.runtime.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import shoal.errors.InvalidArgumentException;

/**
 * A {@code docker save} tarball unpacked into a private directory: its manifest usually comes
 * last, after the layers it names, so the whole archive has to be on disk before any of it can be
 * understood. Only files, directories and links that stay inside the directory are kept.
 */
final class LoadSpool {
  private final Path dir;

  private LoadSpool(Path dir) {
    this.dir = dir;
  }

  static LoadSpool extract(InputStream tarball, Path dir) throws IOException {
    LoadSpool s = new LoadSpool(dir.toRealPath());
    TarArchiveInputStream tar = new TarArchiveInputStream(tarball);
    int entries = 0;
    while (true) {
      TarArchiveEntry e;
      try {
        e = tar.getNextEntry();
      } catch (IOException | RuntimeException ex) {
        throw new InvalidArgumentException("invalid tar archive: " + ex.getMessage(), ex);
      }
      if (e == null) {
        break;
      }
      entries++;
      s.add(e, tar);
    }
    if (entries == 0) {
      throw new InvalidArgumentException("invalid tar archive: no tar header found (is this a 'docker save' tarball?)");
    }
    return s;
  }

  private void add(TarArchiveEntry e, InputStream content) throws IOException {
    String name = TarPath.clean(e.getName());
    if (name.isEmpty()) {
      return;
    }
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    if (e.isDirectory()) {
      Files.createDirectories(p);
    } else if (e.isSymbolicLink()) {
      String target = TarPath.clean(parentOf(name) + "/" + e.getLinkName());
      Files.deleteIfExists(p);
      Files.createSymbolicLink(p, p.getParent().relativize(dir.resolve(target)));
    } else if (e.isLink()) {
      Files.deleteIfExists(p);
      try {
        Files.createLink(p, dir.resolve(TarPath.clean(e.getLinkName())));
      } catch (java.nio.file.NoSuchFileException ex) {
        throw new InvalidArgumentException("invalid tar archive: " + name + " links to the missing " + e.getLinkName());
      }
    } else if (e.isFile()) {
      Files.deleteIfExists(p);
      try {
        Files.copy(content, p);
      } catch (IOException ex) {
        throw new InvalidArgumentException("invalid tar archive: " + ex.getMessage(), ex);
      }
    }
  }

  private static String parentOf(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  boolean exists(String name) {
    return Files.exists(dir.resolve(TarPath.clean(name)), LinkOption.NOFOLLOW_LINKS);
  }

  /** The regular file the archive has at {@code name}, links followed but never out of the archive. */
  Path file(String name) throws IOException {
    Path p = dir.resolve(TarPath.clean(name));
    if (!Files.exists(p)) {
      throw new InvalidArgumentException("invalid tar archive: it has no file " + name);
    }
    Path real = p.toRealPath();
    if (!real.startsWith(dir) || !Files.isRegularFile(real)) {
      throw new InvalidArgumentException("invalid tar archive: " + name + " is not a file in the archive");
    }
    return real;
  }

  byte[] read(String name) throws IOException {
    return Files.readAllBytes(file(name));
  }
}
