package shoal.lab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import shoal.lab.Lab;
import shoal.lab.LabHost;

@Command(name = "up", description = "Bring up a lab: N hosts h1…hN on a private LAN, each running shoald.")
final class LabUp implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Option(names = "--nodes", description = "How many hosts.", defaultValue = "3")
  int nodes;

  @Option(names = "--subnet", description = "The LAN; hosts take .11 onwards.", defaultValue = Lab.DEFAULT_SUBNET)
  String subnet;

  @Override
  public Integer call() throws Exception {
    Lab l = Lab.up(lab.name, nodes, subnet, LabOptions.daemonCommand(), 0);
    printTable(l);
    return 0;
  }

  static void printTable(Lab l) {
    Table t = new Table("HOST", "ADDRESS", "DAEMON SOCKET", "PID");
    for (LabHost h : l.hosts()) {
      long pid = h.alive() ? h.daemon().pid() : -1;
      t.row(h.name(), h.address(), h.alive() ? h.daemon().socket().toString() : "-", pid > 0 ? Long.toString(pid) : "-");
    }
    t.print(System.out);
  }
}
