package shoal.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import shoal.cli.commands.Group;
import shoal.cli.commands.InspectCommand;
import shoal.cli.commands.Inspector;
import shoal.cli.commands.container.AttachCommand;
import shoal.cli.commands.container.CreateCommand;
import shoal.cli.commands.container.ExecCommand;
import shoal.cli.commands.container.KillCommand;
import shoal.cli.commands.container.LogsCommand;
import shoal.cli.commands.container.PsCommand;
import shoal.cli.commands.container.RenameCommand;
import shoal.cli.commands.container.RestartCommand;
import shoal.cli.commands.container.RmCommand;
import shoal.cli.commands.container.RunCommand;
import shoal.cli.commands.container.StartCommand;
import shoal.cli.commands.container.StopCommand;
import shoal.cli.commands.container.WaitCommand;
import shoal.cli.commands.image.ImagesCommand;
import shoal.cli.commands.image.ImportCommand;
import shoal.cli.commands.image.LoadCommand;
import shoal.cli.commands.image.RmiCommand;
import shoal.cli.commands.image.TagCommand;
import shoal.cli.commands.network.NetworkConnectCommand;
import shoal.cli.commands.network.NetworkCreateCommand;
import shoal.cli.commands.network.NetworkDisconnectCommand;
import shoal.cli.commands.network.NetworkInspectCommand;
import shoal.cli.commands.network.NetworkLsCommand;
import shoal.cli.commands.network.NetworkPruneCommand;
import shoal.cli.commands.network.NetworkRmCommand;
import shoal.cli.commands.node.NodeDemoteCommand;
import shoal.cli.commands.node.NodeInspectCommand;
import shoal.cli.commands.node.NodeLsCommand;
import shoal.cli.commands.node.NodePromoteCommand;
import shoal.cli.commands.node.NodePsCommand;
import shoal.cli.commands.node.NodeRmCommand;
import shoal.cli.commands.node.NodeUpdateCommand;
import shoal.cli.commands.service.ServiceCreateCommand;
import shoal.cli.commands.service.ServiceInspectCommand;
import shoal.cli.commands.service.ServiceLogsCommand;
import shoal.cli.commands.service.ServiceLsCommand;
import shoal.cli.commands.service.ServicePsCommand;
import shoal.cli.commands.service.ServiceRmCommand;
import shoal.cli.commands.service.ServiceRollbackCommand;
import shoal.cli.commands.service.ServiceScaleCommand;
import shoal.cli.commands.service.ServiceUpdateCommand;
import shoal.cli.commands.swarm.SwarmInitCommand;
import shoal.cli.commands.swarm.SwarmInspectCommand;
import shoal.cli.commands.swarm.SwarmJoinCommand;
import shoal.cli.commands.swarm.SwarmJoinTokenCommand;
import shoal.cli.commands.swarm.SwarmLeaveCommand;
import shoal.cli.commands.swarm.SwarmUpdateCommand;
import shoal.cli.commands.system.EventsCommand;
import shoal.cli.commands.system.InfoCommand;
import shoal.cli.commands.system.VersionCommand;
import shoal.lab.cli.LabCommand;

/**
 * Every command of {@code shoal}, in one place. A new command or group (swarm, node, service, lab)
 * is one entry here; nothing else changes. Entries build their command lazily: a run of
 * {@code shoal ps} never loads the classes of the others.
 */
public final class CommandRegistry {
  /** Where {@code shoal --help} lists a command. */
  public enum Section { COMMON, MANAGEMENT, OTHER }

  /**
   * @param factory builds the picocli command line (a single command or a group with subcommands)
   * @param aliases how help names every form of the command, e.g. {@code container stop, stop};
   *     empty when it has one form only
   */
  public record Entry(String name, Section section, String summary, Function<CliContext, CommandLine> factory, List<String> aliases) {
    Entry(String name, Section section, String summary, Function<CliContext, CommandLine> factory, String... aliases) {
      this(name, section, summary, factory, List.of(aliases));
    }
  }

  private static final List<Entry> ENTRIES = List.of(
      new Entry("run", Section.COMMON, "Create and run a new container from an image", c -> cmd(new RunCommand(c)), "container run", "run"),
      new Entry("exec", Section.COMMON, "Execute a command in a running container", c -> cmd(new ExecCommand(c)), "container exec", "exec"),
      new Entry("ps", Section.COMMON, "List containers", c -> cmd(new PsCommand(c)), "container ls", "container list", "container ps", "ps"),
      new Entry("images", Section.COMMON, "List images", c -> cmd(new ImagesCommand(c)), "image ls", "image list", "images"),
      new Entry("version", Section.COMMON, "Show the Shoal version information", c -> cmd(new VersionCommand(c))),
      new Entry("info", Section.COMMON, "Display system-wide information", c -> cmd(new InfoCommand(c))),

      new Entry("container", Section.MANAGEMENT, "Manage containers", CommandRegistry::containerGroup),
      new Entry("image", Section.MANAGEMENT, "Manage images", CommandRegistry::imageGroup),
      new Entry("network", Section.MANAGEMENT, "Manage networks", CommandRegistry::networkGroup),
      new Entry("lab", Section.MANAGEMENT, "Run a cluster of virtual hosts on this machine", c -> new CommandLine(new LabCommand())),
      new Entry("node", Section.MANAGEMENT, "Manage Swarm nodes", CommandRegistry::nodeGroup),
      new Entry("service", Section.MANAGEMENT, "Manage Swarm services", CommandRegistry::serviceGroup),
      new Entry("swarm", Section.MANAGEMENT, "Manage Swarm", CommandRegistry::swarmGroup),

      new Entry("attach", Section.OTHER, "Attach local standard input, output, and error streams to a running container", c -> cmd(new AttachCommand(c)), "container attach", "attach"),
      new Entry("create", Section.OTHER, "Create a new container", c -> cmd(new CreateCommand(c)), "container create", "create"),
      new Entry("events", Section.OTHER, "Get real time events from the server", c -> cmd(new EventsCommand(c))),
      new Entry("import", Section.OTHER, "Import the contents from a tarball to create a filesystem image", c -> cmd(new ImportCommand(c)), "image import", "import"),
      new Entry("inspect", Section.OTHER, "Return low-level information on Shoal objects", c -> cmd(new InspectCommand(c))),
      new Entry("kill", Section.OTHER, "Kill one or more running containers", c -> cmd(new KillCommand(c)), "container kill", "kill"),
      new Entry("load", Section.OTHER, "Load an image from a tar archive or STDIN", c -> cmd(new LoadCommand(c)), "image load", "load"),
      new Entry("logs", Section.OTHER, "Fetch the logs of a container", c -> cmd(new LogsCommand(c)), "container logs", "logs"),
      new Entry("rename", Section.OTHER, "Rename a container", c -> cmd(new RenameCommand(c)), "container rename", "rename"),
      new Entry("restart", Section.OTHER, "Restart one or more containers", c -> cmd(new RestartCommand(c)), "container restart", "restart"),
      new Entry("rm", Section.OTHER, "Remove one or more containers", c -> cmd(new RmCommand(c)), "container rm", "container remove", "rm"),
      new Entry("rmi", Section.OTHER, "Remove one or more images", c -> cmd(new RmiCommand(c)), "image rm", "image remove", "rmi"),
      new Entry("start", Section.OTHER, "Start one or more stopped containers", c -> cmd(new StartCommand(c)), "container start", "start"),
      new Entry("stop", Section.OTHER, "Stop one or more running containers", c -> cmd(new StopCommand(c)), "container stop", "stop"),
      new Entry("tag", Section.OTHER, "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE", c -> cmd(new TagCommand(c)), "image tag", "tag"),
      new Entry("wait", Section.OTHER, "Block until one or more containers stop, then print their exit codes", c -> cmd(new WaitCommand(c)),
          "container wait", "wait"));

  private CommandRegistry() {}

  public static List<Entry> entries() {
    return ENTRIES;
  }

  /** Every form of a command as help lists it ({@code shoal container stop, shoal stop}). */
  static List<String> aliasesOf(String path) {
    for (Entry e : ENTRIES) {
      if (e.aliases().contains(path)) {
        return e.aliases().stream().map(a -> "shoal " + a).toList();
      }
    }
    return List.of();
  }

  public static Optional<Entry> find(String name) {
    return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  private static CommandLine containerGroup(CliContext c) {
    return group("container", "Manage containers",
        new AttachCommand(c), new CreateCommand(c), new ExecCommand(c), typedInspect(c, Inspector.Kind.CONTAINER),
        new KillCommand(c), new LogsCommand(c), new PsCommand(c), new RenameCommand(c), new RestartCommand(c),
        new RmCommand(c), new RunCommand(c), new StartCommand(c), new StopCommand(c), new WaitCommand(c));
  }

  private static CommandLine imageGroup(CliContext c) {
    return group("image", "Manage images",
        new ImportCommand(c), typedInspect(c, Inspector.Kind.IMAGE), new LoadCommand(c), new ImagesCommand(c),
        new RmiCommand(c), new TagCommand(c));
  }

  private static CommandLine networkGroup(CliContext c) {
    return group("network", "Manage networks",
        new NetworkConnectCommand(c), new NetworkCreateCommand(c), new NetworkDisconnectCommand(c),
        new NetworkInspectCommand(c), new NetworkLsCommand(c), new NetworkPruneCommand(c), new NetworkRmCommand(c));
  }

  private static CommandLine nodeGroup(CliContext c) {
    return group("node", "Manage Swarm nodes",
        new NodeDemoteCommand(c), new NodeInspectCommand(c), new NodeLsCommand(c), new NodePromoteCommand(c),
        new NodePsCommand(c), new NodeRmCommand(c), new NodeUpdateCommand(c));
  }

  private static CommandLine serviceGroup(CliContext c) {
    return group("service", "Manage Swarm services",
        new ServiceCreateCommand(c), new ServiceInspectCommand(c), new ServiceLogsCommand(c), new ServiceLsCommand(c),
        new ServicePsCommand(c), new ServiceRmCommand(c), new ServiceRollbackCommand(c), new ServiceScaleCommand(c),
        new ServiceUpdateCommand(c));
  }

  private static CommandLine swarmGroup(CliContext c) {
    return group("swarm", "Manage Swarm",
        new SwarmInitCommand(c), new SwarmInspectCommand(c), new SwarmJoinCommand(c), new SwarmJoinTokenCommand(c),
        new SwarmLeaveCommand(c), new SwarmUpdateCommand(c));
  }

  /** {@code container inspect}: inspect of one kind, without the top-level command's --type. */
  private static CommandLine typedInspect(CliContext c, Inspector.Kind kind) {
    CommandLine cl = new CommandLine(new InspectCommand(c, kind));
    CommandSpec spec = cl.getCommandSpec();
    spec.remove(spec.findOption("--type"));
    if (kind != Inspector.Kind.CONTAINER) {
      spec.remove(spec.findOption("--size"));
    }
    spec.usageMessage().description("Display detailed information on one or more " + kind.name().toLowerCase() + "s");
    return cl;
  }

  /** A single command under its own name: {@code ps} rather than its group name {@code ls}. */
  private static CommandLine cmd(Object command) {
    CommandLine cl = new CommandLine(command);
    cl.getCommandSpec().aliases(new String[0]);
    return cl;
  }

  private static CommandLine group(String name, String description, Object... subcommands) {
    CommandLine g = new CommandLine(new Group());
    g.getCommandSpec().name(name);
    g.getCommandSpec().usageMessage().description(description);
    for (Object s : subcommands) {
      CommandLine sub = s instanceof CommandLine cl ? cl : new CommandLine(s);
      g.addSubcommand(sub.getCommandSpec().name(), sub, sub.getCommandSpec().aliases());
    }
    return g;
  }

  /** {@code shoal --help}. */
  static String usage() {
    StringBuilder sb = new StringBuilder("\nUsage:  shoal [OPTIONS] COMMAND\n\n");
    sb.append("A container cluster that speaks Docker's Engine API\n");
    String[] titles = {"Common Commands:", "Management Commands:", "Commands:"};
    for (Section s : Section.values()) {
      sb.append('\n').append(titles[s.ordinal()]).append('\n');
      for (Entry e : ENTRIES) {
        if (e.section() == s) {
          sb.append("  ").append(String.format("%-11s", e.name())).append(e.summary()).append('\n');
        }
      }
    }
    sb.append("""

        Global Options:
          -D, --debug          Enable debug mode
          -H, --host string    Daemon socket to connect to (default: $SHOAL_HOST, $DOCKER_HOST, unix:///run/shoal.sock)
              --help           Print usage
          -v, --version        Print version information and quit

        Run 'shoal COMMAND --help' for more information on a command.
        """);
    return sb.toString();
  }
}
