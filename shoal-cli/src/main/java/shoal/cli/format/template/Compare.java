package shoal.cli.format.template;

import shoal.cli.json.JsonNumber;

/** eq/ne/lt/le/gt/ge on basic values, with Go's errors for values that do not compare. */
final class Compare {
  private Compare() {}

  static boolean equal(Object a, Object b) {
    if (a instanceof NoValue || a == null) {
      return b == null || b instanceof NoValue;
    }
    if (GoValues.isNumber(a) && GoValues.isNumber(b)) {
      return GoValues.number(a).compareTo(GoValues.number(b)) == 0;
    }
    if (a instanceof String && b instanceof String || a instanceof Boolean && b instanceof Boolean) {
      return a.equals(b);
    }
    if (b == null || b instanceof NoValue) {
      return false;
    }
    throw new TemplateException("error calling eq: incompatible types for comparison");
  }

  static int order(String fn, Object a, Object b) {
    if (GoValues.isNumber(a) && GoValues.isNumber(b)) {
      return GoValues.number(a).compareTo(GoValues.number(b));
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof JsonNumber || a instanceof String) {
      throw new TemplateException("error calling " + fn + ": incompatible types for comparison");
    }
    throw new TemplateException("error calling " + fn + ": invalid type for comparison");
  }
}
