package shoal.cli.format.template;

/**
 * Go's invalid reflect.Value: what a missing map key yields. Printed as {@code <no value>}; unlike
 * JSON null (Java null, printed {@code <nil>}).
 */
enum NoValue {
  INSTANCE;

  @Override
  public String toString() {
    return "<no value>";
  }
}
