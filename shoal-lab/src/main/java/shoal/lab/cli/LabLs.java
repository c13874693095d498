package shoal.lab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import shoal.lab.Lab;
import shoal.lab.LabHost;

@Command(name = "ls", description = "List the labs on this machine.")
final class LabLs implements Callable<Integer> {
  @picocli.CommandLine.Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean help;

  @Override
  public Integer call() throws Exception {
    Table t = new Table("NAME", "HOSTS", "SUBNET", "DAEMONS RUNNING");
    for (String n : Lab.names()) {
      Lab l = Lab.open(n).orElseThrow();
      long running = l.hosts().stream().filter(LabHost::alive).filter(h -> h.daemon().running()).count();
      t.row(n, Integer.toString(l.hosts().size()), l.subnet(), running + "/" + l.hosts().size());
    }
    t.print(System.out);
    return 0;
  }
}
