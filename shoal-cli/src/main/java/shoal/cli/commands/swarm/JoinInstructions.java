package shoal.cli.commands.swarm;

import java.io.PrintStream;
import java.util.Map;
import shoal.cli.api.EngineClient;
import shoal.cli.api.Paths;
import shoal.cli.json.Jv;

/** The "To add a worker/manager to this swarm" paragraphs of {@code swarm init} and {@code join-token}. */
final class JoinInstructions {
  private JoinInstructions() {}

  /**
   * Prints the join command of each role asked for, with the token and this manager's address;
   * prints nothing when the node is not a manager (docker's behaviour, not an error).
   */
  static void print(EngineClient api, PrintStream out, String nodeId, boolean worker, boolean manager) {
    Object node = api.get("/nodes/" + Paths.seg(nodeId), null);
    Object swarm = api.get("/swarm", null);
    Map<String, Object> managerStatus = Jv.map(node, "ManagerStatus");
    if (Jv.get(node, "ManagerStatus") == null) {
      return;
    }
    String addr = Jv.str(managerStatus, "Addr");
    if (worker) {
      out.print(paragraph("worker", Jv.str(swarm, "JoinTokens", "Worker"), addr));
    }
    if (manager) {
      out.print(paragraph("manager", Jv.str(swarm, "JoinTokens", "Manager"), addr));
    }
    out.flush();
  }

  static String paragraph(String role, String token, String addr) {
    return "To add a " + role + " to this swarm, run the following command:\n\n    shoal swarm join --token "
        + token + " " + addr + "\n\n";
  }

  /** {@code --availability}: lower-cased, one of docker's three, checked before any call. */
  static String availability(String raw) {
    String a = raw.toLowerCase(java.util.Locale.ROOT);
    if (!a.equals("active") && !a.equals("pause") && !a.equals("drain")) {
      throw new shoal.cli.CliException("invalid availability \"" + raw + "\", only active, pause and drain are supported");
    }
    return a;
  }
}
