package shoal.runtime.image;

import java.util.ArrayDeque;
import java.util.Deque;
import shoal.errors.InvalidArgumentException;

/**
 * A tar entry's name, cleaned and classified. Names are relative to the layer's root; {@code ..}
 * may not climb out of it. AUFS-style whiteouts, which {@code docker save} layers carry, are
 * recognised here and become overlayfs whiteouts when the layer is unpacked.
 *
 * @param path the cleaned path of the entry ("" for the root itself); for a whiteout, the path it
 *     hides; for an opaque marker, the directory it makes opaque
 * @param kind what the entry is for
 */
record TarPath(String path, Kind kind) {
  static final String WHITEOUT_PREFIX = ".wh.";
  static final String WHITEOUT_META_PREFIX = ".wh..wh.";
  static final String OPAQUE_MARKER = ".wh..wh..opq";

  enum Kind {
    /** An ordinary entry. */
    FILE,
    /** {@code dir/.wh.name}: {@code dir/name} of lower layers is deleted. */
    WHITEOUT,
    /** {@code dir/.wh..wh..opq}: nothing of lower layers shows through {@code dir}. */
    OPAQUE,
    /** Other {@code .wh..wh.*} entries: AUFS bookkeeping, not content. */
    AUFS_META
  }

  static TarPath of(String rawName) {
    String path = clean(rawName);
    int slash = path.lastIndexOf('/');
    String dir = slash < 0 ? "" : path.substring(0, slash);
    String base = path.substring(slash + 1);
    if (base.equals(OPAQUE_MARKER)) {
      return new TarPath(dir, Kind.OPAQUE);
    }
    if (base.startsWith(WHITEOUT_META_PREFIX)) {
      return new TarPath(path, Kind.AUFS_META);
    }
    if (base.startsWith(WHITEOUT_PREFIX)) {
      String hidden = base.substring(WHITEOUT_PREFIX.length());
      if (hidden.isEmpty()) {
        throw new InvalidArgumentException("invalid whiteout entry in layer: " + rawName);
      }
      return new TarPath(dir.isEmpty() ? hidden : dir + "/" + hidden, Kind.WHITEOUT);
    }
    return new TarPath(path, Kind.FILE);
  }

  /**
   * Cleans {@code name} lexically (leading {@code /} and {@code ./}, {@code .}, {@code ..}, double
   * slashes) into a path relative to the root; refuses names that climb out of it.
   */
  static String clean(String name) {
    Deque<String> parts = new ArrayDeque<>();
    for (String p : name.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          throw new InvalidArgumentException("invalid tar entry " + name + ": it points outside the archive's root");
        }
        parts.removeLast();
        continue;
      }
      if (p.indexOf('\0') >= 0) {
        throw new InvalidArgumentException("invalid tar entry name " + name.replace('\0', '?'));
      }
      parts.addLast(p);
    }
    return String.join("/", parts);
  }
}
