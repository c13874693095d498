package shoal.cli.commands.service;

import java.util.List;

/**
 * One command of the service goldens: its name (the golden file's), the scenario the lab plays
 * (or null) and the arguments, the same for docker ({@link DockerGoldens}) and shoal (the tests).
 */
record GoldenCase(String name, String scenario, List<String> args) {
  static GoldenCase of(String name, String... args) {
    return new GoldenCase(name, null, List.of(args));
  }

  static GoldenCase playing(String name, String scenario, String... args) {
    return new GoldenCase(name, scenario, List.of(args));
  }

  static final List<GoldenCase> ALL = List.of(
      of("ls", "service", "ls"),
      of("ls-q-req", "service", "ls", "-q"),
      of("ls-json", "service", "ls", "--format", "json"),
      of("ls-filter-req", "service", "ls", "-f", "name=my", "-f", "mode=replicated", "--format", "table {{.Name}}\t{{.Replicas}}"),
      of("ps-req", "service", "ps", "my-service"),
      of("ps-multi", "service", "ps", "glob", "web-pub", "nope"),
      of("ps-none", "service", "ps", "nope", "nope2"),
      of("ps-notrunc", "service", "ps", "--no-trunc", "my-service"),
      of("ps-q", "service", "ps", "-q", "my-service"),
      of("ps-json", "service", "ps", "--format", "json", "web-pub"),
      of("ps-noresolve", "service", "ps", "--no-resolve", "my-service"),
      of("ps-filter-req", "service", "ps", "-f", "desired-state=running", "-f", "node=dk-h2", "--format", "{{.Name}} {{.Node}}", "my-service", "web-pub"),
      of("ps-prefix", "service", "ps", "dujr", "s7ow7cg24mvmu3mztx2rsueno"),
      of("inspect-pretty", "service", "inspect", "--pretty", "my-service", "web-pub", "glob", "my-service-2"),
      of("inspect-pretty-missing", "service", "inspect", "--pretty", "glob", "nope"),
      of("inspect-json", "service", "inspect", "web-pub", "nope"),
      of("inspect-format", "service", "inspect", "-f", "{{.Spec.Name}} {{.Spec.Mode}}", "my-service", "glob", "nope"),
      of("logs-req", "service", "logs", "my-service"),
      of("logs-t", "service", "logs", "-t", "--no-task-ids", "web-pub"),
      of("logs-notrunc", "service", "logs", "--no-trunc", "--no-resolve", "my-service"),
      of("logs-raw", "service", "logs", "--raw", "my-service"),
      of("logs-task", "service", "logs", "rr2wox0n3mgc"),
      of("logs-missing", "service", "logs", "nope"),
      of("create-d-req", "service", "create", "-d", "--name", "web", "--replicas", "3", "busybox:local", "sleep", "1d"),
      of("create-full-req", "service", "create", "-d", "--no-resolve-image", "--name", "web2", "--mode", "global",
          "--constraint", "node.role==manager", "--constraint", "node.labels.zone == a", "-e", "A=1", "-e", "B", "--env", "C=3",
          "-e", "A=9", "--label", "l1=v1", "--label", "l2", "--container-label", "cl=1", "-w", "/tmp", "-u", "1000:1000",
          "--hostname", "h1", "-t", "--entrypoint", "/bin/sh -c", "--restart-condition", "on-failure", "--restart-delay", "3s",
          "--restart-max-attempts", "4", "--restart-window", "1m", "--update-parallelism", "2", "--update-delay", "10s",
          "--update-order", "start-first", "--update-failure-action", "rollback", "--update-monitor", "2s",
          "--update-max-failure-ratio", "0.5", "--rollback-parallelism", "3", "--rollback-delay", "1s", "--rollback-order",
          "stop-first", "--rollback-failure-action", "continue", "--rollback-monitor", "4s", "--rollback-max-failure-ratio", "0.1",
          "--stop-grace-period", "20s", "--stop-signal", "SIGINT", "--network", "my-overlay", "-p", "8080:80",
          "-p", "published=8443,target=443,mode=host,protocol=udp", "--endpoint-mode", "dnsrr", "--with-registry-auth", "-q",
          "busybox:local", "echo", "hi"),
      of("create-ports-req", "service", "create", "-d", "--no-resolve-image", "-p", "8000-8001:80-81", "-p", "9090:90/udp",
          "-p", "target=53,protocol=udp", "-p", "7000:70", "--mode", "replicated", "busybox:local"),
      of("create-bad-port", "service", "create", "-d", "-p", "1.2.3.4:80:80", "busybox:local"),
      of("create-bad-mode", "service", "create", "-d", "--mode", "global", "--replicas", "2", "busybox:local"),
      of("create-bad-duration", "service", "create", "-d", "--restart-delay", "5", "busybox:local"),
      playing("create-converge", "converge.json", "service", "create", "--no-resolve-image", "--name", "conv", "--replicas", "3",
          "busybox:local", "sleep", "1d"),
      playing("create-failure", "converge-failure.json", "service", "create", "--no-resolve-image", "--name", "flaky", "--replicas", "2",
          "busybox:local"),
      playing("create-global", "converge-global.json", "service", "create", "--no-resolve-image", "--name", "everywhere", "--mode",
          "global", "busybox:local"),
      playing("create-tty", "converge-one.json", "service", "create", "--no-resolve-image", "--name", "single", "busybox:local"),
      playing("create-quiet", "converge.json", "service", "create", "-q", "--no-resolve-image", "busybox:local"),
      of("update-image-req", "service", "update", "-d", "--image", "busybox:2", "my-service"),
      of("update-misc-req", "service", "update", "-d", "--env-add", "X=1", "--label-add", "a=b", "--label-rm", "tier",
          "--container-label-add", "c=d", "--constraint-add", "node.hostname!=dk-h10", "--constraint-rm", "node.role==worker",
          "--replicas", "5", "--force", "--publish-add", "7070:70", "--publish-rm", "81", "--update-parallelism", "4",
          "--restart-delay", "7s", "--stop-grace-period", "1m", "-t", "--args", "nginx -g 'daemon off;'", "web-pub"),
      of("update-env-rm-req", "service", "update", "-d", "--env-rm", "DEBUG", "--label-add", "x=y", "web-pub"),
      of("update-rollback-req", "service", "update", "-d", "--rollback", "web-pub"),
      of("update-rollback-conflict", "service", "update", "--rollback", "--image", "x", "web-pub"),
      of("update-replicas-global", "service", "update", "-d", "--replicas", "2", "glob"),
      playing("update-rollback-progress", "converge-rollback.json", "service", "update", "--image", "busybox:2", "--no-resolve-image", "rolled"),
      playing("update-paused", "converge-paused.json", "service", "update", "--env-add", "A=1", "paused"),
      of("scale-req", "service", "scale", "-d", "my-service=5", "glob=2", "nope=1", "web-pub=x"),
      of("scale-bad", "service", "scale", "my-service"),
      playing("scale-converge", "converge.json", "service", "scale", "conv=3"),
      of("rollback-req", "service", "rollback", "-d", "web-pub"),
      playing("rollback-progress", "converge-rollback.json", "service", "rollback", "rolled"),
      of("rm-req", "service", "rm", "my-service", "nope", "glob"),
      of("node-ps-req", "node", "ps"),
      of("node-ps-multi", "node", "ps", "dk-h2", "seed"),
      of("node-ps-filter", "node", "ps", "-f", "name=web", "--no-trunc", "dk-h2"));
}
