package shoal.runtime.container;

import java.nio.file.Path;

/**
 * Where the container side keeps things: {@code <data-root>/overlay/<id>/{upper,work,merged}}
 * (changes survive stop and start), the container records and logs, and the cgroup parent.
 */
public record RuntimePaths(Path dataRoot, Path execRoot, String cgroupParent) {
  public RuntimePaths {
    cgroupParent = cgroupParent.endsWith("/") ? cgroupParent.substring(0, cgroupParent.length() - 1) : cgroupParent;
    if (!cgroupParent.startsWith("/")) {
      cgroupParent = "/" + cgroupParent;
    }
  }

  public Path overlay(String id) {
    return dataRoot.resolve("overlay").resolve(id);
  }

  public Path upper(String id) {
    return overlay(id).resolve("upper");
  }

  public Path work(String id) {
    return overlay(id).resolve("work");
  }

  public Path merged(String id) {
    return overlay(id).resolve("merged");
  }

  public Path runcRoot() {
    return execRoot.resolve("runc");
  }

  public Path containerDir(String id) {
    return dataRoot.resolve("containers").resolve(id);
  }
}
