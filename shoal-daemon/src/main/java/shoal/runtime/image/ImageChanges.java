package shoal.runtime.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shoal.errors.InvalidArgumentException;

/**
 * The Dockerfile instructions {@code docker import -c} applies to the new image's config: CMD,
 * ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR, with Dockerfile's
 * JSON (exec) and shell forms and its quoting. Everything is checked before the image is made.
 */
final class ImageChanges {
  private static final Pattern PORT = Pattern.compile("^(\\d{1,5})(?:-(\\d{1,5}))?(?:/(tcp|udp|sctp))?$");
  private static final Pattern SIGNAL = Pattern.compile("^(?:SIG)?[A-Z][A-Z0-9+-]*$|^\\d+$");
  private static final String[] SHELL = {"/bin/sh", "-c"};

  private final ObjectNode config;
  private boolean cmdSet;

  private ImageChanges(ObjectNode config) {
    this.config = config;
  }

  /** Applies {@code changes} in order to {@code config} (the image config's {@code config} object). */
  static void apply(List<String> changes, ObjectNode config) {
    ImageChanges c = new ImageChanges(config);
    for (String change : changes) {
      for (String line : change.split("\n")) {
        if (!line.isBlank()) {
          c.applyOne(line.strip());
        }
      }
    }
  }

  private void applyOne(String line) {
    int sp = indexOfSpace(line);
    String instruction = (sp < 0 ? line : line.substring(0, sp)).toLowerCase(Locale.ROOT);
    String rest = sp < 0 ? "" : line.substring(sp).strip();
    switch (instruction) {
      case "cmd" -> {
        config.set("Cmd", command(rest, "CMD"));
        cmdSet = true;
      }
      case "entrypoint" -> {
        config.set("Entrypoint", command(rest, "ENTRYPOINT"));
        if (!cmdSet) {
          config.putNull("Cmd");
        }
      }
      case "env" -> {
        for (String[] kv : pairs(rest, "ENV")) {
          setEnv(kv[0], kv[1]);
        }
      }
      case "label" -> {
        JsonNode existing = config.get("Labels");
        ObjectNode labels = existing instanceof ObjectNode o ? o : config.putObject("Labels");
        for (String[] kv : pairs(rest, "LABEL")) {
          labels.put(kv[0], kv[1]);
        }
      }
      case "expose" -> expose(rest);
      case "user" -> config.put("User", required(rest, "USER"));
      case "workdir" -> config.put("WorkingDir", workdir(required(rest, "WORKDIR")));
      case "stopsignal" -> {
        if (!SIGNAL.matcher(required(rest, "STOPSIGNAL")).matches()) {
          throw new InvalidArgumentException("Invalid signal: " + rest);
        }
        config.put("StopSignal", rest);
      }
      case "volume" -> {
        JsonNode existing = config.get("Volumes");
        ObjectNode volumes = existing instanceof ObjectNode o ? o : config.putObject("Volumes");
        List<String> paths = jsonArray(rest);
        for (String v : paths != null ? paths : words(required(rest, "VOLUME"))) {
          volumes.putObject(v);
        }
      }
      case "onbuild" -> {
        JsonNode existing = config.get("OnBuild");
        ArrayNode triggers = existing instanceof ArrayNode a ? a : config.putArray("OnBuild");
        triggers.add(required(rest, "ONBUILD"));
      }
      default -> throw new InvalidArgumentException(instruction + " is not a valid change command");
    }
  }

  private static ArrayNode command(String rest, String instruction) {
    ArrayNode out = ConfigBlob.json().createArrayNode();
    List<String> exec = jsonArray(rest);
    if (exec != null) {
      exec.forEach(out::add);
    } else {
      out.add(SHELL[0]).add(SHELL[1]).add(required(rest, instruction));
    }
    return out;
  }

  /** The exec form ({@code ["a","b"]}), or null when {@code s} is not a JSON array of strings. */
  static List<String> jsonArray(String s) {
    if (!s.startsWith("[")) {
      return null;
    }
    try {
      JsonNode n = ConfigBlob.json().readTree(s);
      if (!n.isArray()) {
        return null;
      }
      List<String> out = new ArrayList<>();
      for (JsonNode x : n) {
        if (!x.isTextual()) {
          return null;
        }
        out.add(x.asText());
      }
      return out;
    } catch (Exception e) {
      return null; // Dockerfile falls back to the shell form
    }
  }

  /** {@code KEY=value KEY2="v 2"}, or the old {@code KEY value with spaces}. */
  private static List<String[]> pairs(String rest, String instruction) {
    List<String> raw = rawWords(required(rest, instruction));
    List<String[]> out = new ArrayList<>();
    if (!raw.getFirst().contains("=")) {
      String value = rest.substring(rest.indexOf(raw.getFirst()) + raw.getFirst().length()).strip();
      if (value.isEmpty()) {
        throw new InvalidArgumentException(instruction + " names must be followed by a value: " + rest);
      }
      out.add(new String[] {unquote(raw.getFirst()), unquote(value)});
      return out;
    }
    for (String w : raw) {
      int eq = w.indexOf('=');
      if (eq <= 0) {
        throw new InvalidArgumentException(
            "Syntax error - can't find = in \"" + w + "\". Must be of the form: name=value");
      }
      out.add(new String[] {unquote(w.substring(0, eq)), unquote(w.substring(eq + 1))});
    }
    return out;
  }

  private void setEnv(String key, String value) {
    JsonNode existing = config.get("Env");
    ArrayNode env = existing instanceof ArrayNode a ? a : config.putArray("Env");
    for (int i = 0; i < env.size(); i++) {
      String e = env.get(i).asText();
      if (e.equals(key) || e.startsWith(key + "=")) {
        env.set(i, key + "=" + value);
        return;
      }
    }
    env.add(key + "=" + value);
  }

  private void expose(String rest) {
    JsonNode existing = config.get("ExposedPorts");
    ObjectNode ports = existing instanceof ObjectNode o ? o : config.putObject("ExposedPorts");
    for (String p : words(required(rest, "EXPOSE"))) {
      Matcher m = PORT.matcher(p.toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new InvalidArgumentException("Invalid containerPort: " + p);
      }
      int first = Integer.parseInt(m.group(1));
      int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
      String proto = m.group(3) == null ? "tcp" : m.group(3);
      if (first < 1 || last > 65535 || last < first) {
        throw new InvalidArgumentException("Invalid containerPort: " + p);
      }
      for (int port = first; port <= last; port++) {
        ports.putObject(port + "/" + proto);
      }
    }
  }

  private String workdir(String dir) {
    String base = config.path("WorkingDir").asText("");
    String joined = dir.startsWith("/") ? dir : (base.isEmpty() ? "/" : base) + "/" + dir;
    return "/" + TarPath.clean(joined);
  }

  private static String required(String rest, String instruction) {
    if (rest.isEmpty()) {
      throw new InvalidArgumentException(instruction + " requires at least one argument");
    }
    return rest;
  }

  /** Words with their quotes removed. */
  static List<String> words(String s) {
    return rawWords(s).stream().map(ImageChanges::unquote).toList();
  }

  /** Splits at blanks outside quotes, keeping quotes and escapes for {@link #unquote}. */
  private static List<String> rawWords(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && quote != '\'' && i + 1 < s.length()) {
        w.append(c).append(s.charAt(++i));
      } else if (quote != 0) {
        w.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        w.append(c);
      } else if (Character.isWhitespace(c)) {
        if (!w.isEmpty()) {
          out.add(w.toString());
          w.setLength(0);
        }
      } else {
        w.append(c);
      }
    }
    if (quote != 0) {
      throw new InvalidArgumentException("unterminated quote in: " + s);
    }
    if (!w.isEmpty()) {
      out.add(w.toString());
    }
    return out;
  }

  static String unquote(String s) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && quote != '\'' && i + 1 < s.length()) {
        out.append(s.charAt(++i));
      } else if (quote != 0 && c == quote) {
        quote = 0;
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int indexOfSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
