package shoal.net;

import shoal.common.CommandResult;
import shoal.testing.TestDaemon;

/**
 * What a network change could leave behind in a test host, as comparable text: links with their
 * details (timers removed: they tick), namespaces, the nft ruleset and the network side's files.
 */
record KernelState(String links, String netns, String ruleset, String files) {

  static KernelState of(TestDaemon d) {
    return new KernelState(
        run(d, "ip", "-d", "link").replaceAll("\\b\\w+_timer\\s+\\S+", ""),
        run(d, "ip", "netns", "list"),
        run(d, "nft", "list", "ruleset"),
        run(d, "sh", "-c", "find /var/lib/shoal/network /run/shoal/network -type f 2>/dev/null | sort"));
  }

  private static String run(TestDaemon d, String... argv) {
    CommandResult r = d.inHost(argv);
    if (!r.ok()) {
      throw new IllegalStateException(r.failure());
    }
    return r.stdout();
  }
}
