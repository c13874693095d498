package shoal.net.ipam;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import shoal.errors.InvalidArgumentException;

/** An IPv4 address as an unsigned 32-bit value; written as a dotted quad. */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

  /**
   * Parses a dotted quad strictly (four decimal parts 0–255, no leading zeros that would read as
   * octal elsewhere).
   *
   * @throws InvalidArgumentException naming the text when it is not one
   */
  @JsonCreator
  public static Ipv4Address parse(String text) {
    Ipv4Address a = tryParse(text);
    if (a == null) {
      throw new InvalidArgumentException("invalid IPv4 address: " + text);
    }
    return a;
  }

  /** The address, or null when {@code text} is not a dotted quad. */
  public static Ipv4Address tryParse(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    int bits = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      bits = (bits << 8) | v;
    }
    return new Ipv4Address(bits);
  }

  public long unsigned() {
    return Integer.toUnsignedLong(bits);
  }

  public Ipv4Address plus(long n) {
    return new Ipv4Address((int) (unsigned() + n));
  }

  public int octet(int i) {
    return (bits >>> (24 - 8 * i)) & 0xff;
  }

  /** Docker's container MAC: 02:42 followed by the four bytes of the address. */
  public String dockerMac() {
    return String.format("02:42:%02x:%02x:%02x:%02x", octet(0), octet(1), octet(2), octet(3));
  }

  public boolean isLoopback() {
    return octet(0) == 127;
  }

  @Override
  public int compareTo(Ipv4Address o) {
    return Integer.compareUnsigned(bits, o.bits);
  }

  @JsonValue
  @Override
  public String toString() {
    return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
  }
}
