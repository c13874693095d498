package shoal.cli.commands.system;

import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.commands.ApiCommand;
import shoal.cli.commands.swarm.SwarmSection;
import shoal.cli.format.Units;
import shoal.cli.format.template.Template;
import shoal.cli.json.Jv;

@Command(name = "info", description = "Display system-wide information", customSynopsis = "[OPTIONS]")
public final class InfoCommand extends ApiCommand {
  @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
  String format;

  public InfoCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Object info = api().get("/info", null);
    if (format != null && !format.isEmpty()) {
      out().println(Template.parse(format).execute(info));
      return 0;
    }
    PrintStream o = out();
    o.println("Client:");
    o.println(" Version:    " + CliContext.VERSION);
    o.println(" Context:    default");
    o.println(" Debug Mode: " + ctx.debug());
    o.println();
    o.println("Server:");
    o.println(" Containers: " + Jv.lng(info, "Containers"));
    o.println("  Running: " + Jv.lng(info, "ContainersRunning"));
    o.println("  Paused: " + Jv.lng(info, "ContainersPaused"));
    o.println("  Stopped: " + Jv.lng(info, "ContainersStopped"));
    o.println(" Images: " + Jv.lng(info, "Images"));
    o.println(" Server Version: " + Jv.str(info, "ServerVersion"));
    o.println(" Storage Driver: " + Jv.str(info, "Driver"));
    for (Object kv : Jv.list(info, "DriverStatus")) {
      if (kv instanceof List<?> pair && pair.size() == 2) {
        o.println("  " + pair.get(0) + ": " + pair.get(1));
      }
    }
    o.println(" Logging Driver: " + Jv.str(info, "LoggingDriver"));
    o.println(" Cgroup Driver: " + Jv.str(info, "CgroupDriver"));
    o.println(" Cgroup Version: " + Jv.str(info, "CgroupVersion"));
    o.println(" Plugins:");
    for (String kind : List.of("Volume", "Network", "Log")) {
      List<Object> names = Jv.list(info, "Plugins", kind);
      o.println("  " + kind + ": " + String.join(" ", names.stream().map(String::valueOf).toList()));
    }
    SwarmSection.lines(Jv.map(info, "Swarm")).forEach(o::println);
    o.println(" Runtimes: " + String.join(" ", Jv.map(info, "Runtimes").keySet()));
    o.println(" Default Runtime: " + Jv.str(info, "DefaultRuntime"));
    o.println(" runc version: " + Jv.str(info, "RuncCommit", "ID"));
    o.println(" Kernel Version: " + Jv.str(info, "KernelVersion"));
    o.println(" Operating System: " + Jv.str(info, "OperatingSystem"));
    o.println(" OSType: " + Jv.str(info, "OSType"));
    o.println(" Architecture: " + Jv.str(info, "Architecture"));
    o.println(" CPUs: " + Jv.lng(info, "NCPU"));
    o.println(" Total Memory: " + Units.bytesSize(Jv.lng(info, "MemTotal")));
    o.println(" Name: " + Jv.str(info, "Name"));
    o.println(" ID: " + Jv.str(info, "ID"));
    o.println(" Shoal Root Dir: " + Jv.str(info, "DockerRootDir"));
    o.println(" Debug Mode: " + Jv.bool(info, "Debug"));
    List<Object> labels = Jv.list(info, "Labels");
    if (!labels.isEmpty()) {
      o.println(" Labels:");
      labels.forEach(l -> o.println("  " + l));
    }
    o.println(" Experimental: " + Jv.bool(info, "ExperimentalBuild"));
    o.println(" Live Restore Enabled: " + Jv.bool(info, "LiveRestoreEnabled"));
    List<Object> warnings = Jv.list(info, "Warnings");
    if (!warnings.isEmpty()) {
      o.println();
      warnings.forEach(w -> err().println(w));
    }
    return 0;
  }
}
