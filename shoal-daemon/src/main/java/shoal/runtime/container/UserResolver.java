package shoal.runtime.container;

import java.util.ArrayList;
import java.util.List;
import shoal.errors.InvalidArgumentException;

/**
 * Resolves Docker's {@code --user} ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid})
 * against the image's /etc/passwd and /etc/group, as runc-based Docker does: a name must exist, a
 * number need not; supplementary groups are those that list the user.
 */
public final class UserResolver {
  /** The numeric identity a process runs as, and its home for HOME. */
  public record ExecUser(int uid, int gid, List<Integer> additionalGids, String home) {
    public ExecUser {
      additionalGids = List.copyOf(additionalGids);
    }
  }

  private record Passwd(String name, int uid, int gid, String home) {}

  private record Group(String name, int gid, List<String> members) {}

  private UserResolver() {}

  /**
   * @param passwd the image's /etc/passwd, or null when it has none
   * @param group the image's /etc/group, or null when it has none
   */
  public static ExecUser resolve(String spec, String passwd, String group) {
    String userPart = spec == null ? "" : spec;
    String groupPart = null;
    int colon = userPart.indexOf(':');
    if (colon >= 0) {
      groupPart = userPart.substring(colon + 1);
      userPart = userPart.substring(0, colon);
    }
    List<Passwd> users = parsePasswd(passwd);
    List<Group> groups = parseGroup(group);
    Passwd who = null;
    if (userPart.isEmpty()) {
      who = users.stream().filter(u -> u.uid == 0).findFirst().orElse(new Passwd("root", 0, 0, "/root"));
    } else if (isNumber(userPart)) {
      int uid = Integer.parseInt(userPart);
      who = users.stream().filter(u -> u.uid == uid).findFirst().orElse(new Passwd("", uid, 0, "/"));
    } else {
      String name = userPart;
      who = users.stream()
          .filter(u -> u.name.equals(name))
          .findFirst()
          .orElseThrow(() -> new InvalidArgumentException(
              "unable to find user " + name + ": no matching entries in passwd file"));
    }
    int gid = who.gid;
    if (groupPart != null && !groupPart.isEmpty()) {
      if (isNumber(groupPart)) {
        gid = Integer.parseInt(groupPart);
      } else {
        String gname = groupPart;
        gid = groups.stream()
            .filter(g -> g.name.equals(gname))
            .findFirst()
            .orElseThrow(() -> new InvalidArgumentException(
                "unable to find group " + gname + ": no matching entries in group file"))
            .gid;
      }
    }
    List<Integer> extra = new ArrayList<>();
    if (!who.name.isEmpty()) {
      for (Group g : groups) {
        if (g.members.contains(who.name) && g.gid != gid && !extra.contains(g.gid)) {
          extra.add(g.gid);
        }
      }
    }
    return new ExecUser(who.uid, gid, extra, who.home.isEmpty() ? "/" : who.home);
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 10;
  }

  private static List<Passwd> parsePasswd(String text) {
    List<Passwd> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String line : text.split("\n")) {
      String[] f = line.strip().split(":", -1);
      if (f.length < 7 || line.startsWith("#") || !isNumber(f[2]) || !isNumber(f[3])) {
        continue;
      }
      out.add(new Passwd(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5]));
    }
    return out;
  }

  private static List<Group> parseGroup(String text) {
    List<Group> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String line : text.split("\n")) {
      String[] f = line.strip().split(":", -1);
      if (f.length < 4 || line.startsWith("#") || !isNumber(f[2])) {
        continue;
      }
      List<String> members = f[3].isEmpty() ? List.of() : List.of(f[3].split(","));
      out.add(new Group(f[0], Integer.parseInt(f[2]), members));
    }
    return out;
  }
}
