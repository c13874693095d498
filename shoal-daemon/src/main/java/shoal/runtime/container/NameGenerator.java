package shoal.runtime.container;

import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import shoal.errors.InvalidArgumentException;

/** Container names: Docker's rule for given ones, and {@code adjective_surname} for the rest. */
public final class NameGenerator {
  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final int ATTEMPTS = 10;

  private static final List<String> ADJECTIVES = List.of(
      "admiring", "agile", "amazing", "ardent", "awesome", "blissful", "bold", "brave", "busy", "calm",
      "careful", "charming", "cheerful", "clever", "cool", "crisp", "curious", "daring", "dazzling", "dreamy",
      "eager", "earnest", "elated", "elegant", "epic", "exciting", "fervent", "festive", "fond", "friendly",
      "frosty", "funny", "gallant", "gentle", "gifted", "glad", "graceful", "happy", "hardy", "hopeful",
      "humble", "intrepid", "jolly", "jovial", "keen", "kind", "lively", "loving", "lucid", "lucky",
      "magical", "merry", "mellow", "modest", "musing", "mystifying", "nice", "nifty", "noble", "optimistic",
      "patient", "peaceful", "pensive", "placid", "plucky", "polite", "practical", "proud", "quiet", "quirky",
      "radiant", "relaxed", "reverent", "romantic", "serene", "sharp", "silly", "sleepy", "steady", "stoic",
      "sturdy", "sunny", "swift", "tender", "thirsty", "tidy", "trusting", "upbeat", "vibrant", "vigilant",
      "vivid", "wise", "witty", "wonderful", "youthful", "zealous", "zen");

  private static final List<String> SURNAMES = List.of(
      "agnesi", "allen", "archimedes", "babbage", "banach", "bardeen", "bartik", "bell", "bernoulli", "bohr",
      "boole", "borg", "bose", "brahe", "brattain", "cannon", "cerf", "chandrasekhar", "clarke", "cohen",
      "copernicus", "cori", "curie", "darwin", "descartes", "dijkstra", "dirac", "easley", "einstein", "elion",
      "euclid", "euler", "faraday", "fermat", "fermi", "feynman", "franklin", "galileo", "gauss", "germain",
      "goldberg", "goodall", "hamilton", "hawking", "heisenberg", "hertz", "hodgkin", "hopper", "hubble", "hypatia",
      "jackson", "johnson", "joliot", "kalam", "kepler", "khorana", "kilby", "knuth", "kowalevski", "lamarr",
      "lamport", "leakey", "leavitt", "lederberg", "liskov", "lovelace", "lumiere", "mayer", "mcclintock", "meitner",
      "mendel", "mirzakhani", "morse", "napier", "nash", "neumann", "newton", "nobel", "noether", "noyce",
      "pascal", "pasteur", "payne", "perlman", "pike", "planck", "poincare", "ramanujan", "raman", "ritchie",
      "rosalind", "rubin", "sagan", "sammet", "shannon", "shockley", "sinoussi", "snyder", "somerville", "stonebraker",
      "swanson", "tesla", "thompson", "torvalds", "turing", "varahamihira", "volta", "wescoff", "wiles", "williams",
      "wilson", "wing", "wozniak", "wright", "yalow", "yonath");

  private final RandomGenerator random;

  public NameGenerator(RandomGenerator random) {
    this.random = random;
  }

  /** A name no container has, as {@code taken} tells; a digit is added after a few collisions. */
  public String generate(Predicate<String> taken) {
    for (int i = 0; i < ATTEMPTS; i++) {
      String n = pick();
      if (i > 3) {
        n = n + random.nextInt(10);
      }
      if (!taken.test(n)) {
        return n;
      }
    }
    String n;
    do {
      n = pick() + random.nextInt(1_000_000);
    } while (taken.test(n));
    return n;
  }

  private String pick() {
    return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "_" + SURNAMES.get(random.nextInt(SURNAMES.size()));
  }

  /** A name as the user gave it, without its leading slash; an invalid one is a 400 in Docker's words. */
  public static String validate(String raw) {
    String n = raw.startsWith("/") ? raw.substring(1) : raw;
    if (!VALID.matcher(n).matches()) {
      throw new InvalidArgumentException(
          "Invalid container name (" + raw + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    return n;
  }
}
