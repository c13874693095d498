package shoal.runtime.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.errors.SystemException;

/** The one place that mounts and unmounts: a container's overlayfs root. */
public final class Mounts {
  // The kernel takes at most a page of mount options; beyond this, lower dirs are given relative.
  private static final int MAX_OPTIONS = 3800;

  private Mounts() {}

  /**
   * Mounts an overlay of {@code lowerDirs} (topmost first) with the container's own {@code upper}
   * and {@code work} directories at {@code merged}. Already mounted is fine.
   */
  public static void mountOverlay(List<Path> lowerDirs, Path upper, Path work, Path merged) {
    if (isMounted(merged)) {
      return;
    }
    try {
      Files.createDirectories(upper);
      Files.createDirectories(work);
      Files.createDirectories(merged);
    } catch (IOException e) {
      throw new SystemException("cannot prepare " + merged + ": " + e.getMessage(), e);
    }
    String lower = lowerDirs.stream().map(Path::toString).collect(Collectors.joining(":"));
    String options = "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work;
    CommandResult r;
    if (options.length() <= MAX_OPTIONS) {
      r = Commands.run(List.of("mount", "-t", "overlay", "overlay", "-o", options, merged.toString()));
    } else {
      // Lower dirs relative to their common parent, resolved from mount's working directory.
      Path parent = commonParent(lowerDirs);
      String rel = lowerDirs.stream().map(p -> parent.relativize(p).toString()).collect(Collectors.joining(":"));
      options = "lowerdir=" + rel + ",upperdir=" + upper + ",workdir=" + work;
      r = Commands.run(List.of("sh", "-c", "cd \"$0\" && exec mount -t overlay overlay -o \"$1\" \"$2\"",
          parent.toString(), options, merged.toString()));
    }
    if (!r.ok()) {
      throw new SystemException("cannot mount the container's root filesystem: " + r.stderr().strip());
    }
  }

  /** Unmounts; not mounted is fine. A mount still busy is detached lazily, so it cannot linger. */
  public static void unmount(Path target) {
    if (!isMounted(target)) {
      return;
    }
    CommandResult r = Commands.run(List.of("umount", target.toString()));
    if (!r.ok() && isMounted(target)) {
      CommandResult lazy = Commands.run(List.of("umount", "-l", target.toString()));
      if (!lazy.ok() && isMounted(target)) {
        throw new SystemException("cannot unmount " + target + ": " + lazy.stderr().strip());
      }
    }
  }

  public static boolean isMounted(Path target) {
    String want = target.toAbsolutePath().normalize().toString();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        if (f.length > 4 && unescape(f[4]).equals(want)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new SystemException("cannot read /proc/self/mountinfo: " + e.getMessage(), e);
    }
  }

  /** Mount points at or under {@code dir}, deepest first (for cleanup and tests). */
  public static List<Path> mountsUnder(Path dir) {
    String prefix = dir.toAbsolutePath().normalize().toString();
    List<Path> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        if (f.length > 4) {
          String mp = unescape(f[4]);
          if (mp.equals(prefix) || mp.startsWith(prefix + "/")) {
            out.add(Path.of(mp));
          }
        }
      }
    } catch (IOException e) {
      throw new SystemException("cannot read /proc/self/mountinfo: " + e.getMessage(), e);
    }
    out.sort((a, b) -> b.getNameCount() - a.getNameCount());
    return out;
  }

  private static Path commonParent(List<Path> dirs) {
    Path p = dirs.get(0).getParent();
    while (p != null) {
      Path candidate = p;
      if (dirs.stream().allMatch(d -> d.startsWith(candidate))) {
        return p;
      }
      p = p.getParent();
    }
    return Path.of("/");
  }

  /** mountinfo escapes space, tab, newline and backslash as octal. */
  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length()) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
