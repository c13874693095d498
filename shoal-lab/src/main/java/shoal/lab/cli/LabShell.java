package shoal.lab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "shell", description = "An interactive shell on a host.")
final class LabShell implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Parameters(index = "0", description = "The host: h1, h2…")
  String host;

  @Override
  public Integer call() throws Exception {
    return LabExec.run(lab.open(), host,
        List.of("env", "PS1=[" + lab.name + "/" + host + "] \\w# ", "bash", "--norc", "-i"));
  }
}
