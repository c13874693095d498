package shoal.cli.opts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags {@code run} and {@code create} share, and the create request they make. */
public final class ContainerOptions {
  @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached")
  public boolean interactive;

  @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY")
  public boolean tty;

  @Option(names = "--rm", description = "Automatically remove the container and its associated anonymous volumes when it exits")
  public boolean rm;

  @Option(names = "--name", paramLabel = "string", description = "Assign a name to the container")
  public String name;

  @Option(names = {"-e", "--env"}, paramLabel = "list", description = "Set environment variables")
  public List<String> env = new ArrayList<>();

  @Option(names = "--env-file", paramLabel = "list", description = "Read in a file of environment variables")
  public List<String> envFiles = new ArrayList<>();

  @Option(names = {"-w", "--workdir"}, paramLabel = "string", description = "Working directory inside the container")
  public String workdir;

  @Option(names = {"-h", "--hostname"}, paramLabel = "string", description = "Container host name")
  public String hostname;

  @Option(names = "--domainname", paramLabel = "string", description = "Container NIS domain name")
  public String domainname;

  @Option(names = "--entrypoint", paramLabel = "string", description = "Overwrite the default ENTRYPOINT of the image")
  public String entrypoint;

  @Option(names = "--restart", paramLabel = "string", description = "Restart policy to apply when a container exits", defaultValue = "no")
  public String restart;

  @Option(names = "--stop-timeout", paramLabel = "int", description = "Timeout (in seconds) to stop a container")
  public Integer stopTimeout;

  @Option(names = "--stop-signal", paramLabel = "string", description = "Signal to stop the container")
  public String stopSignal;

  @Option(names = {"--network", "--net"}, paramLabel = "network", description = "Connect a container to a network")
  public String network;

  @Option(names = {"--network-alias", "--net-alias"}, paramLabel = "list", description = "Add network-scoped alias for the container")
  public List<String> aliases = new ArrayList<>();

  @Option(names = "--ip", paramLabel = "string", description = "IPv4 address (e.g., 172.30.100.104)")
  public String ip;

  @Option(names = {"-p", "--publish"}, paramLabel = "list", description = "Publish a container's port(s) to the host")
  public List<String> publish = new ArrayList<>();

  @Option(names = {"-P", "--publish-all"}, description = "Publish all exposed ports to random ports")
  public boolean publishAll;

  @Option(names = "--expose", paramLabel = "list", description = "Expose a port or a range of ports")
  public List<String> expose = new ArrayList<>();

  @Option(names = {"-l", "--label"}, paramLabel = "list", description = "Set meta data on a container")
  public List<String> labels = new ArrayList<>();

  @Option(names = {"-u", "--user"}, paramLabel = "string", description = "Username or UID (format: \"<name|uid>[:<group|gid>]\")")
  public String user;

  @Option(names = "--add-host", paramLabel = "list", description = "Add a custom host-to-IP mapping (host:ip)")
  public List<String> addHosts = new ArrayList<>();

  @Option(names = "--dns", paramLabel = "list", description = "Set custom DNS servers")
  public List<String> dns = new ArrayList<>();

  @Option(names = "--init", description = "Run an init inside the container that forwards signals and reaps processes")
  public boolean init;

  @Option(names = "--privileged", description = "Give extended privileges to this container")
  public boolean privileged;

  /**
   * The body of {@code POST /containers/create}.
   *
   * @param attach whether the CLI will attach (run without -d): stdout and stderr, stdin with -i
   * @throws IllegalArgumentException a flag value docker would refuse, with docker's words
   */
  public Map<String, Object> createBody(String image, List<String> cmd, boolean attach, Map<String, String> localEnv)
      throws IOException {
    RestartPolicy policy = RestartPolicy.parse(restart);
    if (rm && !policy.isNone()) {
      throw new IllegalArgumentException("conflicting options: cannot specify both --restart and --rm");
    }
    List<String> envs = new ArrayList<>();
    for (String f : envFiles) {
      envs.addAll(KeyValues.envFile(Path.of(f), localEnv));
    }
    for (String e : env) {
      envs.add(KeyValues.env(e, localEnv));
    }
    Map<String, Object> exposed = new LinkedHashMap<>();
    Map<String, List<Map<String, Object>>> bindings = new LinkedHashMap<>();
    for (String e : expose) {
      for (PortSpec p : PortSpec.parse(e.contains("/") ? e : e + "/tcp")) {
        exposed.put(p.port(), Map.of());
      }
    }
    for (String raw : publish) {
      for (PortSpec p : PortSpec.parse(raw)) {
        exposed.put(p.port(), Map.of());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("HostIp", p.hostIp());
        b.put("HostPort", p.hostPort());
        bindings.computeIfAbsent(p.port(), k -> new ArrayList<>()).add(b);
      }
    }

    Map<String, Object> c = new LinkedHashMap<>();
    c.put("Hostname", nullToEmpty(hostname));
    c.put("Domainname", nullToEmpty(domainname));
    c.put("User", nullToEmpty(user));
    c.put("AttachStdin", attach && interactive);
    c.put("AttachStdout", attach);
    c.put("AttachStderr", attach);
    if (!exposed.isEmpty()) {
      c.put("ExposedPorts", exposed);
    }
    c.put("Tty", tty);
    c.put("OpenStdin", interactive);
    c.put("StdinOnce", attach && interactive);
    c.put("Env", envs);
    c.put("Cmd", cmd.isEmpty() ? null : cmd);
    c.put("Image", image);
    c.put("WorkingDir", nullToEmpty(workdir));
    if (entrypoint != null) {
      c.put("Entrypoint", List.of(entrypoint)); // --entrypoint "" resets it, as docker's [""]
    }
    c.put("Labels", KeyValues.map(labels));
    if (stopSignal != null) {
      c.put("StopSignal", stopSignal);
    }
    if (stopTimeout != null) {
      c.put("StopTimeout", stopTimeout);
    }

    Map<String, Object> host = new LinkedHashMap<>();
    host.put("NetworkMode", network == null ? "default" : network);
    host.put("PortBindings", bindings);
    host.put("RestartPolicy", policy.toJson());
    host.put("AutoRemove", rm);
    host.put("PublishAllPorts", publishAll);
    host.put("Privileged", privileged);
    if (init) {
      host.put("Init", true);
    }
    if (!dns.isEmpty()) {
      host.put("Dns", dns);
    }
    if (!addHosts.isEmpty()) {
      host.put("ExtraHosts", addHosts);
    }
    c.put("HostConfig", host);

    if (network != null && (ip != null || !aliases.isEmpty())) {
      Map<String, Object> endpoint = new LinkedHashMap<>();
      if (ip != null) {
        endpoint.put("IPAMConfig", Map.of("IPv4Address", ip));
      }
      if (!aliases.isEmpty()) {
        endpoint.put("Aliases", aliases);
      }
      c.put("NetworkingConfig", Map.of("EndpointsConfig", Map.of(network, endpoint)));
    } else if (ip != null) {
      // docker sends it on the default network; the daemon refuses it there with its own words
      c.put("NetworkingConfig", Map.of("EndpointsConfig", Map.of("default", Map.of("IPAMConfig", Map.of("IPv4Address", ip)))));
    }
    return c;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
