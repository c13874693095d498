package shoal.runtime.container;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shoal.errors.InvalidArgumentException;

/** Docker's create-time rules for combining what the user asked with the image's defaults. */
public final class ConfigMerge {
  private ConfigMerge() {}

  public static ContainerConfig merge(ContainerConfig user, ImageDefaults image) {
    List<String> env = mergeEnv(user.env(), image.env());
    List<String> entrypoint = user.entrypoint();
    List<String> cmd = user.cmd();
    // An entrypoint given by the user (even an empty one) replaces the image's, and with it the
    // image's cmd; without one, an empty cmd takes the image's.
    if (entrypoint == null || entrypoint.isEmpty()) {
      if (cmd == null || cmd.isEmpty()) {
        cmd = image.cmd();
      }
      if (entrypoint == null) {
        entrypoint = image.entrypoint();
      }
    }
    if (entrypoint != null && entrypoint.size() == 1 && entrypoint.get(0).isEmpty()) {
      entrypoint = List.of();
    }
    if ((entrypoint == null || entrypoint.isEmpty()) && (cmd == null || cmd.isEmpty())) {
      throw new InvalidArgumentException("No command specified");
    }
    String workingDir = user.workingDir().isEmpty() ? image.workingDir() : user.workingDir();
    if (!workingDir.isEmpty() && !workingDir.startsWith("/")) {
      throw new InvalidArgumentException(
          "the working directory '" + workingDir + "' is invalid, it needs to be an absolute path");
    }
    Map<String, String> labels = new HashMap<>(image.labels());
    labels.putAll(user.labels());
    Set<String> exposed = new HashSet<>(image.exposedPorts());
    exposed.addAll(user.exposedPorts());
    return user.merged(
        env,
        cmd,
        entrypoint,
        workingDir,
        user.user().isEmpty() ? image.user() : user.user(),
        labels,
        exposed,
        user.stopSignal().isEmpty() ? image.stopSignal() : user.stopSignal());
  }

  /** The user's variables, then the image's whose names the user did not set. */
  static List<String> mergeEnv(List<String> user, List<String> image) {
    if (user.isEmpty()) {
      return image;
    }
    List<String> out = new ArrayList<>(user);
    Set<String> keys = new HashSet<>();
    user.forEach(e -> keys.add(key(e)));
    for (String e : image) {
      if (!keys.contains(key(e))) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Sets every variable of {@code overrides} in {@code base}: replaced in place when present,
   * appended otherwise (Docker's ReplaceOrAppendEnvValues).
   */
  static List<String> replaceOrAppend(List<String> base, List<String> overrides) {
    List<String> out = new ArrayList<>(base);
    for (String o : overrides) {
      String k = key(o);
      boolean found = false;
      for (int i = 0; i < out.size(); i++) {
        if (key(out.get(i)).equals(k)) {
          out.set(i, o);
          found = true;
        }
      }
      if (!found) {
        out.add(o);
      }
    }
    return out;
  }

  static String key(String env) {
    int eq = env.indexOf('=');
    return eq < 0 ? env : env.substring(0, eq);
  }

  /** Path and Args as inspect shows them: the first word of entrypoint + cmd, and the rest. */
  public static List<String> commandLine(ContainerConfig c) {
    List<String> all = new ArrayList<>();
    if (c.entrypoint() != null) {
      all.addAll(c.entrypoint());
    }
    if (c.cmd() != null) {
      all.addAll(c.cmd());
    }
    return all;
  }
}
