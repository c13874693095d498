package shoal.lab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import shoal.lab.Lab;
import shoal.lab.LabHost;

/** Faults for failure tests: losing the LAN, a crashed daemon, a lossy link. */
final class LabFaults {
  private LabFaults() {}

  @Command(name = "cut", description = "The host loses the LAN (its link goes down).")
  static final class Cut implements Callable<Integer> {
    @Mixin LabOptions lab;
    @Parameters(index = "0", description = "The host: h1, h2…") String host;

    @Override
    public Integer call() throws Exception {
      lab.open().setConnected(host, false);
      System.out.println(host + " cut off the LAN");
      return 0;
    }
  }

  @Command(name = "heal", description = "The host regains the LAN.")
  static final class Heal implements Callable<Integer> {
    @Mixin LabOptions lab;
    @Parameters(index = "0", description = "The host: h1, h2…") String host;

    @Override
    public Integer call() throws Exception {
      lab.open().setConnected(host, true);
      System.out.println(host + " back on the LAN");
      return 0;
    }
  }

  @Command(name = "stop", description = "Kill the host's daemon with SIGKILL, as a crash would (its containers keep running).")
  static final class Stop implements Callable<Integer> {
    @Mixin LabOptions lab;
    @Parameters(index = "0", description = "The host: h1, h2…") String host;

    @Override
    public Integer call() throws Exception {
      LabHost h = lab.open().host(host);
      long pid = h.daemon().pid();
      if (pid < 0) {
        System.out.println("shoald is not running on " + host);
        return 0;
      }
      h.daemon().kill9();
      System.out.println("shoald on " + host + " (pid " + pid + ") killed");
      return 0;
    }
  }

  @Command(name = "start", description = "Start the host's daemon again on the same data root.")
  static final class Start implements Callable<Integer> {
    @Mixin LabOptions lab;
    @Parameters(index = "0", description = "The host: h1, h2…") String host;

    @Override
    public Integer call() throws Exception {
      LabHost h = lab.open().host(host);
      h.daemon().start();
      System.out.println("shoald on " + host + " started (pid " + h.daemon().pid() + ")");
      return 0;
    }
  }

  @Command(name = "loss", description = "Drop PERCENT % of the host's LAN frames at random, both ways (0 ends it).")
  static final class Loss implements Callable<Integer> {
    @Mixin LabOptions lab;
    @Parameters(index = "0", description = "The host: h1, h2…") String host;
    @Parameters(index = "1", description = "0..100") int percent;

    @Override
    public Integer call() throws Exception {
      Lab l = lab.open();
      l.setLoss(host, percent);
      System.out.println(percent == 0 ? host + ": no loss" : host + ": " + percent + " % loss");
      return 0;
    }
  }
}
