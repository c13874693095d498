package shoal.manager.allocator;

import java.util.Set;
import shoal.errors.InvalidArgumentException;

/** VXLAN network identifiers: 4096 for the ingress network, the lowest free from 4097 for others. */
final class Vnis {
  static final int INGRESS = 4096;
  static final int FIRST = 4097;
  /** VXLAN IDs are 24 bits. */
  static final int LAST = (1 << 24) - 1;

  private Vnis() {}

  /**
   * The VNI a new network gets.
   *
   * @throws InvalidArgumentException when none is free (16 million networks)
   */
  static int next(Set<Integer> taken, boolean ingress) {
    if (ingress && !taken.contains(INGRESS)) {
      return INGRESS;
    }
    for (int v = FIRST; v <= LAST; v++) {
      if (!taken.contains(v)) {
        return v;
      }
    }
    throw new InvalidArgumentException("no free VXLAN ID is left for the network");
  }

  /**
   * A VNI the user asked for ({@code --opt com.docker.network.driver.overlay.vxlanid_list=N}).
   *
   * @throws InvalidArgumentException when it is not a number in 1..2^24-1 or another network has it
   */
  static int requested(String text, Set<Integer> taken) {
    int v;
    try {
      v = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException("invalid VXLAN ID \"" + text
          + "\": Shoal takes one VXLAN ID per network, a number from 1 to " + LAST);
    }
    if (v < 1 || v > LAST) {
      throw new InvalidArgumentException("invalid VXLAN ID " + v + ": it must be from 1 to " + LAST);
    }
    if (taken.contains(v)) {
      throw new InvalidArgumentException("VXLAN ID " + v + " is already used by another swarm network");
    }
    return v;
  }
}
