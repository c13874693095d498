package shoal.swarm;

import java.util.Locale;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.NodeObject;

/** Docker's lower-case words for node roles, availabilities, states and reachabilities. */
public final class NodeNames {
  private NodeNames() {}

  public static String role(NodeObject.Role r) {
    return word(r);
  }

  public static String word(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  public static NodeObject.Role parseRole(String s) {
    return parse(NodeObject.Role.class, s, "role");
  }

  public static NodeObject.Availability parseAvailability(String s) {
    return parse(NodeObject.Availability.class, s, "availability");
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String s, String what) {
    try {
      return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidArgumentException("invalid " + what + " \"" + s + "\"");
    }
  }
}
