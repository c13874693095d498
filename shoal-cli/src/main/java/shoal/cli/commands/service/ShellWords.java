package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a flag value into words as a POSIX shell would, the way docker reads {@code --entrypoint}
 * and {@code --args} of services: blanks separate words, single quotes keep everything, double
 * quotes keep all but backslash escapes, a backslash outside quotes escapes the next character.
 */
final class ShellWords {
  private ShellWords() {}

  /** @throws IllegalArgumentException for an unclosed quote or a trailing backslash */
  static List<String> split(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      switch (c) {
        case '\\' -> {
          if (i >= s.length()) {
            throw new IllegalArgumentException("EOF found after escape character");
          }
          word.append(s.charAt(i++));
        }
        case '\'' -> {
          int end = s.indexOf('\'', i);
          if (end < 0) {
            throw new IllegalArgumentException("EOF found when expecting closing quote");
          }
          word.append(s, i, end);
          i = end + 1;
        }
        case '"' -> i = doubleQuoted(s, i, word);
        default -> word.append(c);
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Reads a double-quoted part starting after its quote; returns the index after the closing one. */
  private static int doubleQuoted(String s, int from, StringBuilder word) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return i;
      }
      if (c == '\\' && i < s.length() && "\\\"$`\n".indexOf(s.charAt(i)) >= 0) {
        word.append(s.charAt(i++));
      } else {
        word.append(c);
      }
    }
    throw new IllegalArgumentException("EOF found when expecting closing quote");
  }
}
