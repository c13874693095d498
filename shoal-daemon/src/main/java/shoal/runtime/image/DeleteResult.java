package shoal.runtime.image;

/**
 * One line of {@code docker rmi}'s answer: a tag removed ({@code untagged}) or an image or layer
 * deleted ({@code deleted}); the other field is null.
 */
public record DeleteResult(String untagged, String deleted) {
  static DeleteResult untagged(String tag) {
    return new DeleteResult(tag, null);
  }

  static DeleteResult deleted(String id) {
    return new DeleteResult(null, id);
  }
}
