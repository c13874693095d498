package shoal.lab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import shoal.lab.Lab;

@Command(name = "down", description = "Remove a lab: every host, daemon, container, namespace and file it made.")
final class LabDown implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() throws Exception {
    Lab.down(lab.name);
    System.out.println("lab " + lab.name + " removed");
    return 0;
  }
}
