package shoal.cli.commands.service;

import java.util.List;

/** Image references as docker's service tables show them: a tagged image without its digest. */
final class ImageNames {
  private ImageNames() {}

  /** {@code nginx:1.25@sha256:…} → {@code nginx:1.25}; an image without a tag stays as it is. */
  static String display(String image) {
    int at = image.indexOf('@');
    String named = at >= 0 ? image.substring(0, at) : image;
    int colon = named.lastIndexOf(':');
    if (colon < 0 || colon < named.lastIndexOf('/')) {
      return image; // no tag: docker shows it as given
    }
    String repository = named.substring(0, colon);
    if (!repository.equals(repository.toLowerCase(java.util.Locale.ROOT))) {
      return image; // not a reference docker can parse
    }
    for (String prefix : List.of("docker.io/library/", "docker.io/")) {
      if (named.startsWith(prefix)) {
        return named.substring(prefix.length());
      }
    }
    return named;
  }
}
