package shoal.runtime.image;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shoal.errors.InvalidArgumentException;

/**
 * An image name as Docker normalises it: {@code busybox} is {@code docker.io/library/busybox},
 * {@code localhost:5000/a/b:t} keeps its registry. Follows the grammar of Docker's distribution
 * reference package, and its error words, since the docker CLI shows them as they come.
 *
 * @param domain the registry, {@code docker.io} when none was given
 * @param path the repository path, with {@code library/} for official images on docker.io
 * @param tag the tag, or null
 * @param digest the digest ({@code sha256:…}), or null
 */
public record Reference(String domain, String path, String tag, String digest) {
  public static final String DEFAULT_TAG = "latest";
  private static final String DEFAULT_DOMAIN = "docker.io";
  private static final String LEGACY_DOMAIN = "index.docker.io";
  private static final String OFFICIAL_PREFIX = "library/";
  private static final int NAME_MAX = 255;

  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN = DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*(?::[0-9]+)?";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "^((?:(" + DOMAIN + ")/)?(" + COMPONENT + "(?:/" + COMPONENT + ")*))"
              + "(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
  private static final Pattern TAG_ONLY = Pattern.compile("^" + TAG + "$");
  private static final Pattern FULL_HEX_ID = Pattern.compile("^[a-f0-9]{64}$");

  /** Parses a name as the Engine API takes it ({@code ParseNormalizedNamed}); 400 in Docker's words. */
  public static Reference parse(String s) {
    if (FULL_HEX_ID.matcher(s).matches()) {
      throw new InvalidArgumentException(
          "invalid repository name (" + s + "), cannot specify 64-byte hexadecimal strings");
    }
    String domain = DEFAULT_DOMAIN;
    String remainder = s;
    int slash = s.indexOf('/');
    if (slash >= 0) {
      String first = s.substring(0, slash);
      boolean isDomain =
          first.contains(".") || first.contains(":") || first.equals("localhost")
              || !first.toLowerCase(Locale.ROOT).equals(first);
      if (isDomain) {
        domain = first.equals(LEGACY_DOMAIN) ? DEFAULT_DOMAIN : first;
        remainder = s.substring(slash + 1);
      }
    }
    if (domain.equals(DEFAULT_DOMAIN) && !remainder.contains("/")) {
      remainder = OFFICIAL_PREFIX + remainder;
    }
    int colon = remainder.indexOf(':');
    String remoteName = colon < 0 ? remainder : remainder.substring(0, colon);
    if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) {
      throw new InvalidArgumentException("invalid reference format: repository name must be lowercase");
    }
    Matcher m = REFERENCE.matcher(domain + "/" + remainder);
    if (!m.matches()) {
      throw new InvalidArgumentException("invalid reference format");
    }
    if (m.group(1).length() > NAME_MAX) {
      throw new InvalidArgumentException("repository name must not be more than " + NAME_MAX + " characters");
    }
    return new Reference(m.group(2), m.group(3), m.group(4), m.group(5));
  }

  /** Docker's tag grammar ({@code [\w][\w.-]{0,127}}), for the {@code tag} query parameter. */
  public static boolean isValidTag(String tag) {
    return TAG_ONLY.matcher(tag).matches();
  }

  /** The same name with {@code :latest} when it has neither tag nor digest. */
  public Reference withDefaultTag() {
    return tag == null && digest == null ? new Reference(domain, path, DEFAULT_TAG, null) : this;
  }

  public Reference withTag(String newTag) {
    return new Reference(domain, path, newTag, null);
  }

  /** The full repository name: {@code docker.io/library/busybox}. */
  public String name() {
    return domain + "/" + path;
  }

  /** The repository as Docker shows it: {@code busybox}, {@code user/app}, {@code localhost:5000/a/b}. */
  public String familiarName() {
    if (!domain.equals(DEFAULT_DOMAIN)) {
      return name();
    }
    return path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0
        ? path.substring(OFFICIAL_PREFIX.length())
        : path;
  }

  /** The reference as Docker shows it: {@code busybox:latest}, {@code a/b@sha256:…}. */
  public String familiarString() {
    return familiarName() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  @Override
  public String toString() {
    return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }
}
