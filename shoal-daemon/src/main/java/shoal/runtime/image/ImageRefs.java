package shoal.runtime.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import shoal.errors.InvalidArgumentException;

/**
 * How a reference finds an image, in Docker's order: a full ID ({@code sha256:…} or 64 hex
 * digits), then a tag (name with {@code :latest} added), then a unique ID prefix. A reference with
 * a digest ({@code busybox:latest@sha256:…}, as a service pinned by {@code /distribution} has)
 * finds the image of that ID whatever its tags: Shoal has no manifests, its digests are image IDs.
 */
final class ImageRefs {
  private static final Pattern HEX64 = Pattern.compile("^[a-f0-9]{64}$");
  private static final Pattern HEX = Pattern.compile("^[a-f0-9]+$");

  private ImageRefs() {}

  static Optional<ImageStore.Stored> find(String ref, Map<String, ImageStore.Stored> images, TagStore tags) {
    String fullId = fullId(ref);
    if (fullId != null) {
      return Optional.ofNullable(images.get(fullId));
    }
    Reference r = Reference.parse(ref);
    if (r.digest() != null) {
      return Optional.ofNullable(images.get(r.digest())).filter(s -> !s.retained());
    }
    String id = tags.get(r.withDefaultTag().familiarString());
    if (id != null && images.containsKey(id)) {
      return Optional.of(images.get(id));
    }
    String prefix = ref.startsWith(Digests.SHA256) ? ref.substring(Digests.SHA256.length()) : ref;
    if (!HEX.matcher(prefix).matches()) {
      return Optional.empty();
    }
    List<ImageStore.Stored> matches =
        images.values().stream()
            .filter(s -> !s.retained() && Digests.hex(s.id()).startsWith(prefix))
            .limit(2)
            .toList();
    return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
  }

  /** The image ID a reference spells out in full, or null. */
  static String fullId(String ref) {
    if (HEX64.matcher(ref).matches()) {
      return Digests.SHA256 + ref;
    }
    return Digests.isDigest(ref) ? ref : null;
  }

  /** Whether {@code ref} names the image by (a prefix of) its ID rather than by a tag. */
  static boolean isIdReference(String ref, String imageId) {
    String prefix = ref.startsWith(Digests.SHA256) ? ref.substring(Digests.SHA256.length()) : ref;
    return !prefix.isEmpty() && Digests.hex(imageId).startsWith(prefix);
  }

  /** The reference as Docker's "No such image" shows it: names get their default tag. */
  static String display(String ref) {
    if (fullId(ref) != null) {
      return ref;
    }
    try {
      return Reference.parse(ref).withDefaultTag().familiarString();
    } catch (InvalidArgumentException e) {
      return ref;
    }
  }
}
