package shoal.cli.commands.node;

import java.util.Comparator;

/**
 * The order of {@code node ls}: runs of digits compare as numbers ({@code h2} before {@code h10}),
 * digits before other characters, other characters by their code.
 */
public final class NaturalOrder implements Comparator<String> {
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      boolean dx = isDigit(x);
      boolean dy = isDigit(y);
      if (dx != dy) {
        return dx ? -1 : 1;
      }
      if (!dx) {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
        continue;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      int si = i;
      int sj = j;
      while (i < a.length() && isDigit(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && isDigit(b.charAt(j))) {
        j++;
      }
      if (i - si != j - sj) {
        return Integer.compare(i - si, j - sj);
      }
      int c = a.substring(si, i).compareTo(b.substring(sj, j));
      if (c != 0) {
        return c;
      }
      // Equal values: fewer leading zeros first.
      if (si != sj) {
        return Integer.compare(si, sj);
      }
    }
    // Equal so far: the one that ends first is first.
    return Integer.compare(a.length(), b.length());
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
