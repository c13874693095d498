package shoal.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shoal.events.EventLog;

/**
 * Drives the network side the way the container side will, from inside a test host while shoald
 * is stopped: {@code up ID NAME MODE [net=NET[@IP]]... [-p PROTO:HOSTIP:HOSTPORT:PORT]...},
 * {@code down ID}, {@code connect ID NET}, {@code disconnect ID NET}, {@code sh SCRIPT} (to change or
 * look at the kernel between two steps). Each argument is one command;
 * each prints one line: the result as JSON, or {@code error <kind>: <message>}.
 */
public final class NetworkingProbe {
  public static void main(String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.DEBUG);
    ObjectMapper json = new ObjectMapper();
    try (LocalNetworkStack stack =
        LocalNetworkStack.start(Path.of("/var/lib/shoal"), Path.of("/run/shoal"), new EventLog())) {
      for (String command : args) {
        String[] w = command.trim().split("\\s+");
        try {
          Object result = switch (w[0]) {
            case "up" -> stack.networking().setUp(spec(w));
            case "down" -> {
              stack.networking().tearDown(w[1]);
              yield "down";
            }
            case "connect" -> stack.networking().connect(w[1], w[2], EndpointSpec.defaults());
            case "disconnect" -> {
              stack.networking().disconnect(w[1], w[2]);
              yield "disconnected";
            }
            case "sh" -> shoal.common.Commands.run(List.of("sh", "-c", command.trim().substring(3))).stdout();
            default -> throw new IllegalArgumentException("unknown command " + w[0]);
          };
          System.out.println(json.writeValueAsString(result));
        } catch (RuntimeException e) {
          System.out.println("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      }
    }
  }

  private static SandboxSpec spec(String[] w) {
    Map<String, EndpointSpec> endpoints = new LinkedHashMap<>();
    List<PortBinding> ports = new ArrayList<>();
    for (int i = 4; i < w.length; i++) {
      if (w[i].startsWith("net=")) {
        String[] n = w[i].substring(4).split("@");
        endpoints.put(n[0], new EndpointSpec(List.of(), n.length > 1 ? n[1] : null, null));
      } else if (w[i].equals("-p")) {
        String[] p = w[++i].split(":", -1);
        ports.add(new PortBinding(p[0], Integer.parseInt(p[3]), p[1], Integer.parseInt(p[2])));
      }
    }
    return new SandboxSpec(w[1], w[2], w[2], w[3], endpoints, ports);
  }
}
