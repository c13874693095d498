package shoal.lab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import shoal.lab.Lab;

@Command(name = "exec", description = "Run a command as on a host (its network, mount and UTS namespaces), with SHOAL_HOST and DOCKER_HOST set to its daemon.")
final class LabExec implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Parameters(index = "0", description = "The host: h1, h2…")
  String host;

  @Parameters(index = "1..*", arity = "1..*", description = "The command (after --).")
  List<String> command;

  @Override
  public Integer call() throws Exception {
    return run(lab.open(), host, command);
  }

  /** Runs {@code command} inside the host with the terminal passed through; returns its exit code. */
  static int run(Lab l, String host, List<String> command) throws Exception {
    List<String> argv = new ArrayList<>(List.of(
        "env", "SHOAL_HOST=unix:///run/shoal.sock", "DOCKER_HOST=unix:///run/shoal.sock"));
    argv.addAll(command);
    Process p = new ProcessBuilder(l.host(host).host().inside(argv)).inheritIO().start();
    return p.waitFor();
  }
}
