package shoal.cli.format.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The part of Go's fmt.Sprintf that templates use: %v %s %q %d %t %x %X %f %e %g %%, flags, width, precision. */
final class Printf {
  private Printf() {}

  static String format(String f, List<Object> args) {
    StringBuilder out = new StringBuilder();
    int argi = 0;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      i++;
      if (i >= f.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      boolean minus = false;
      boolean plus = false;
      boolean zero = false;
      boolean sharp = false;
      boolean space = false;
      for (; i < f.length(); i++) {
        char fl = f.charAt(i);
        if (fl == '-') {
          minus = true;
        } else if (fl == '+') {
          plus = true;
        } else if (fl == '0') {
          zero = true;
        } else if (fl == '#') {
          sharp = true;
        } else if (fl == ' ') {
          space = true;
        } else {
          break;
        }
      }
      int width = -1;
      int start = i;
      while (i < f.length() && Character.isDigit(f.charAt(i))) {
        i++;
      }
      if (i > start) {
        width = Integer.parseInt(f.substring(start, i));
      }
      int prec = -1;
      if (i < f.length() && f.charAt(i) == '.') {
        i++;
        start = i;
        while (i < f.length() && Character.isDigit(f.charAt(i))) {
          i++;
        }
        prec = i > start ? Integer.parseInt(f.substring(start, i)) : 0;
      }
      if (i >= f.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      char verb = f.charAt(i);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (argi >= args.size()) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object arg = args.get(argi++);
      String s = verb(verb, arg, prec, plus, sharp, space);
      out.append(pad(s, width, minus, zero && !minus && GoValues.isNumber(arg)));
    }
    if (argi < args.size()) {
      out.append("%!(EXTRA ");
      for (int k = argi; k < args.size(); k++) {
        if (k > argi) {
          out.append(", ");
        }
        Object a = args.get(k);
        out.append(GoValues.typeName(a)).append('=').append(GoValues.print(a));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static String verb(char verb, Object arg, int prec, boolean plus, boolean sharp, boolean space) {
    switch (verb) {
      case 'v', 's' -> {
        if (verb == 's' && GoValues.isNumber(arg)) {
          return bad(verb, arg);
        }
        String s = GoValues.print(arg);
        return prec >= 0 && s.length() > prec ? s.substring(0, prec) : s;
      }
      case 'q' -> {
        if (!(arg instanceof String s)) {
          return bad(verb, arg);
        }
        return shoal.cli.format.GoStrings.quote(s);
      }
      case 't' -> {
        return arg instanceof Boolean b ? b.toString() : bad(verb, arg);
      }
      case 'd' -> {
        if (!GoValues.isNumber(arg) || GoValues.number(arg).stripTrailingZeros().scale() > 0) {
          return bad(verb, arg);
        }
        String d = GoValues.number(arg).toBigInteger().toString();
        return (plus && !d.startsWith("-") ? "+" : space && !d.startsWith("-") ? " " : "") + d;
      }
      case 'x', 'X' -> {
        String hex;
        if (arg instanceof String s) {
          StringBuilder sb = new StringBuilder();
          for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            sb.append(String.format("%02x", b & 0xff));
          }
          hex = sb.toString();
        } else if (GoValues.isNumber(arg)) {
          hex = GoValues.number(arg).toBigInteger().toString(16);
        } else {
          return bad(verb, arg);
        }
        hex = (sharp ? "0x" : "") + hex;
        return verb == 'X' ? hex.toUpperCase(java.util.Locale.ROOT) : hex;
      }
      case 'f', 'F' -> {
        if (!GoValues.isNumber(arg)) {
          return bad(verb, arg);
        }
        return GoValues.number(arg).setScale(prec < 0 ? 6 : prec, RoundingMode.HALF_EVEN).toPlainString();
      }
      case 'e' -> {
        if (!GoValues.isNumber(arg)) {
          return bad(verb, arg);
        }
        return String.format("%." + (prec < 0 ? 6 : prec) + "e", GoValues.number(arg).doubleValue());
      }
      case 'g' -> {
        if (!GoValues.isNumber(arg)) {
          return bad(verb, arg);
        }
        BigDecimal d = GoValues.number(arg);
        return prec < 0 ? d.stripTrailingZeros().toPlainString() : shoal.cli.format.Units.formatG(d.doubleValue(), prec);
      }
      default -> {
        return bad(verb, arg);
      }
    }
  }

  private static String bad(char verb, Object arg) {
    return "%!" + verb + "(" + GoValues.typeName(arg) + "=" + GoValues.print(arg) + ")";
  }

  private static String pad(String s, int width, boolean left, boolean zeros) {
    int n = s.codePointCount(0, s.length());
    if (width <= n) {
      return s;
    }
    String fill = (zeros ? "0" : " ").repeat(width - n);
    if (left) {
      return s + fill;
    }
    if (zeros && (s.startsWith("-") || s.startsWith("+"))) {
      return s.charAt(0) + fill + s.substring(1);
    }
    return fill + s;
  }
}
