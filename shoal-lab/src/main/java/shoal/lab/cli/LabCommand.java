package shoal.lab.cli;

import picocli.CommandLine.Command;

/** {@code shoal lab}: a cluster of virtual hosts on this machine, each with its own shoald. */
@Command(
    name = "lab",
    description = "Run a cluster of virtual hosts on this machine (network namespaces, each with its own shoald).",
    subcommands = {
      LabUp.class, LabLs.class, LabDown.class, LabExec.class, LabShell.class,
      LabFaults.Cut.class, LabFaults.Heal.class, LabFaults.Stop.class, LabFaults.Start.class,
      LabFaults.Loss.class, LabDemo.class
    })
public final class LabCommand implements Runnable {
  @picocli.CommandLine.Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean help;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
