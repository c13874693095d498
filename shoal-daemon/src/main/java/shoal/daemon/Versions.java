package shoal.daemon;

/** What this build is and which Engine API versions it speaks. */
public final class Versions {
  private Versions() {}

  public static final String SHOAL = "0.1.0";
  /** Docker 20.10's API: what the reference swarm speaks and every current CLI negotiates down to. */
  public static final String API = "1.41";
  public static final String MIN_API = "1.24";
}
