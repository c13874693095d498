package shoal.cli.format.template;

/** A template that does not parse, or fails while executing; the message is in Go's words. */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }
}
