package shoal.engineapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import shoal.net.EndpointInfo;
import shoal.net.EndpointSpec;
import shoal.net.PortBinding;
import shoal.runtime.container.ConfigMerge;
import shoal.runtime.container.ContainerConfig;
import shoal.runtime.container.ContainerRecord;
import shoal.runtime.container.ContainerState;
import shoal.runtime.container.ContainerStatus;
import shoal.runtime.container.ContainerView;
import shoal.runtime.container.HostSettings;
import shoal.runtime.logs.JsonLogCodec;
import shoal.runtime.oci.DockerDefaults;

/** Containers in Docker's JSON: {@code GET /containers/{id}/json} and {@code GET /containers/json}. */
final class ContainerJson {
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private ContainerJson() {}

  static ObjectNode inspect(ObjectMapper json, ContainerView v, Instant now) {
    ContainerRecord r = v.record();
    ObjectNode o = json.createObjectNode();
    o.put("Id", r.id());
    o.put("Created", time(r.created()));
    List<String> cmd = ConfigMerge.commandLine(r.config());
    o.put("Path", cmd.isEmpty() ? "" : cmd.get(0));
    ArrayNode args = o.putArray("Args");
    cmd.stream().skip(1).forEach(args::add);
    o.set("State", state(json, r.state()));
    o.put("Image", r.imageId());
    o.put("ResolvConfPath", v.resolvConfPath().toString());
    o.put("HostnamePath", v.hostnamePath().toString());
    o.put("HostsPath", v.hostsPath().toString());
    o.put("LogPath", v.logPath().toString());
    o.put("Name", "/" + r.name());
    o.put("RestartCount", r.backoff().restarts());
    o.put("Driver", "overlay2");
    o.put("Platform", "linux");
    o.put("MountLabel", "");
    o.put("ProcessLabel", "");
    o.put("AppArmorProfile", "");
    if (v.execIds().isEmpty()) {
      o.putNull("ExecIDs");
    } else {
      ArrayNode ids = o.putArray("ExecIDs");
      v.execIds().forEach(ids::add);
    }
    o.set("HostConfig", hostConfig(json, r.host()));
    ObjectNode gd = o.putObject("GraphDriver");
    ObjectNode data = gd.putObject("Data");
    data.put("LowerDir", v.lowerDirs().stream().map(Path::toString).collect(Collectors.joining(":")));
    data.put("MergedDir", v.mergedDir().toString());
    data.put("UpperDir", v.upperDir().toString());
    data.put("WorkDir", v.workDir().toString());
    gd.put("Name", "overlay2");
    if (v.sizeRw() != null) {
      o.put("SizeRw", v.sizeRw());
      o.put("SizeRootFs", v.sizeRootFs());
    }
    o.putArray("Mounts");
    o.set("Config", config(json, r.config()));
    o.set("NetworkSettings", networkSettings(json, r));
    return o;
  }

  private static ObjectNode state(ObjectMapper json, ContainerState s) {
    ObjectNode o = json.createObjectNode();
    ContainerStatus st = s.status();
    o.put("Status", st.word());
    o.put("Running", st.hasProcess() || st == ContainerStatus.RESTARTING);
    o.put("Paused", st == ContainerStatus.PAUSED);
    o.put("Restarting", st == ContainerStatus.RESTARTING);
    o.put("OOMKilled", s.oomKilled());
    o.put("Dead", st == ContainerStatus.DEAD);
    o.put("Pid", s.pid());
    o.put("ExitCode", s.exitCode());
    o.put("Error", s.error() == null ? "" : s.error());
    o.put("StartedAt", time(s.startedAt()));
    o.put("FinishedAt", time(s.finishedAt()));
    return o;
  }

  static ObjectNode config(ObjectMapper json, ContainerConfig c) {
    ObjectNode o = json.createObjectNode();
    o.put("Hostname", c.hostname());
    o.put("Domainname", c.domainname());
    o.put("User", c.user());
    o.put("AttachStdin", c.attachStdin());
    o.put("AttachStdout", c.attachStdout());
    o.put("AttachStderr", c.attachStderr());
    if (!c.exposedPorts().isEmpty()) {
      ObjectNode ports = o.putObject("ExposedPorts");
      c.exposedPorts().stream().sorted().forEach(p -> ports.putObject(p));
    }
    o.put("Tty", c.tty());
    o.put("OpenStdin", c.openStdin());
    o.put("StdinOnce", c.stdinOnce());
    strings(o, "Env", c.env());
    strings(o, "Cmd", c.cmd());
    o.put("Image", c.image());
    o.putNull("Volumes");
    o.put("WorkingDir", c.workingDir());
    strings(o, "Entrypoint", c.entrypoint());
    o.putNull("OnBuild");
    ObjectNode labels = o.putObject("Labels");
    c.labels().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> labels.put(e.getKey(), e.getValue()));
    if (!c.stopSignal().isEmpty()) {
      o.put("StopSignal", c.stopSignal());
    }
    if (c.stopTimeout() != null) {
      o.put("StopTimeout", c.stopTimeout());
    }
    return o;
  }

  private static void strings(ObjectNode o, String field, List<String> values) {
    if (values == null) {
      o.putNull(field);
      return;
    }
    ArrayNode a = o.putArray(field);
    values.forEach(a::add);
  }

  private static ObjectNode hostConfig(ObjectMapper json, HostSettings h) {
    ObjectNode o = json.createObjectNode();
    o.putNull("Binds");
    o.put("ContainerIDFile", "");
    ObjectNode lc = o.putObject("LogConfig");
    lc.put("Type", "json-file");
    lc.putObject("Config");
    o.put("NetworkMode", h.networkMode());
    ObjectNode pb = o.putObject("PortBindings");
    for (PortBinding p : h.portBindings()) {
      ArrayNode a = pb.has(key(p)) ? (ArrayNode) pb.get(key(p)) : pb.putArray(key(p));
      a.addObject().put("HostIp", p.hostIp()).put("HostPort", p.hostPort() == 0 ? "" : Integer.toString(p.hostPort()));
    }
    o.putObject("RestartPolicy")
        .put("Name", h.restartPolicy().name())
        .put("MaximumRetryCount", h.restartPolicy().maximumRetryCount());
    o.put("AutoRemove", h.autoRemove());
    o.put("VolumeDriver", "");
    o.putNull("VolumesFrom");
    nullableStrings(o, "CapAdd", h.capAdd());
    nullableStrings(o, "CapDrop", h.capDrop());
    o.put("CgroupnsMode", "host");
    strings(o, "Dns", h.dns());
    strings(o, "DnsOptions", h.dnsOptions());
    strings(o, "DnsSearch", h.dnsSearch());
    nullableStrings(o, "ExtraHosts", h.extraHosts());
    o.putNull("GroupAdd");
    o.put("IpcMode", "private");
    o.put("Cgroup", "");
    o.putNull("Links");
    o.put("OomScoreAdj", 0);
    o.put("PidMode", "");
    o.put("Privileged", false);
    o.put("PublishAllPorts", h.publishAllPorts());
    o.put("ReadonlyRootfs", h.readonlyRootfs());
    o.putNull("SecurityOpt");
    o.put("UTSMode", "");
    o.put("UsernsMode", "");
    o.put("ShmSize", 67108864);
    o.put("Runtime", "runc");
    o.putArray("ConsoleSize").add(h.consoleSize().get(0)).add(h.consoleSize().get(1));
    o.put("Isolation", "");
    for (String zero : List.of("CpuShares", "Memory", "NanoCpus")) {
      o.put(zero, 0);
    }
    o.put("CgroupParent", "");
    o.put("BlkioWeight", 0);
    o.putArray("BlkioWeightDevice");
    for (String n : List.of("BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps", "BlkioDeviceWriteIOps")) {
      o.putNull(n);
    }
    for (String zero : List.of("CpuPeriod", "CpuQuota", "CpuRealtimePeriod", "CpuRealtimeRuntime")) {
      o.put(zero, 0);
    }
    o.put("CpusetCpus", "");
    o.put("CpusetMems", "");
    o.putArray("Devices");
    o.putNull("DeviceCgroupRules");
    o.putNull("DeviceRequests");
    for (String zero : List.of("KernelMemory", "KernelMemoryTCP", "MemoryReservation", "MemorySwap")) {
      o.put(zero, 0);
    }
    o.putNull("MemorySwappiness");
    o.put("OomKillDisable", false);
    o.putNull("PidsLimit");
    o.putNull("Ulimits");
    for (String zero : List.of("CpuCount", "CpuPercent", "IOMaximumIOps", "IOMaximumBandwidth")) {
      o.put(zero, 0);
    }
    strings(o, "MaskedPaths", DockerDefaults.MASKED_PATHS);
    strings(o, "ReadonlyPaths", DockerDefaults.READONLY_PATHS);
    return o;
  }

  private static void nullableStrings(ObjectNode o, String field, List<String> values) {
    strings(o, field, values.isEmpty() ? null : values);
  }

  private static String key(PortBinding p) {
    return p.containerPort() + "/" + p.protocol();
  }

  private static ObjectNode networkSettings(ObjectMapper json, ContainerRecord r) {
    ObjectNode o = json.createObjectNode();
    o.put("Bridge", "");
    o.put("SandboxID", r.sandboxKey().isEmpty() ? "" : r.id());
    o.put("HairpinMode", false);
    o.put("LinkLocalIPv6Address", "");
    o.put("LinkLocalIPv6PrefixLen", 0);
    o.set("Ports", ports(json, r));
    o.put("SandboxKey", r.sandboxKey());
    o.putNull("SecondaryIPAddresses");
    o.putNull("SecondaryIPv6Addresses");
    EndpointInfo bridge = r.endpoints().get("bridge");
    o.put("EndpointID", bridge == null ? "" : bridge.endpointId());
    o.put("Gateway", bridge == null ? "" : bridge.gateway());
    o.put("GlobalIPv6Address", "");
    o.put("GlobalIPv6PrefixLen", 0);
    o.put("IPAddress", bridge == null ? "" : bridge.ipv4Address());
    o.put("IPPrefixLen", bridge == null ? 0 : bridge.prefixLength());
    o.put("IPv6Gateway", "");
    o.put("MacAddress", bridge == null ? "" : bridge.macAddress());
    o.set("Networks", networks(json, r));
    return o;
  }

  private static ObjectNode ports(ObjectMapper json, ContainerRecord r) {
    ObjectNode o = json.createObjectNode();
    if (r.sandboxKey().isEmpty() && r.endpoints().isEmpty()) {
      return o;
    }
    r.config().exposedPorts().stream().sorted().forEach(p -> o.putNull(p));
    for (PortBinding p : r.ports()) {
      ArrayNode a = o.has(key(p)) && o.get(key(p)).isArray() ? (ArrayNode) o.get(key(p)) : o.putArray(key(p));
      a.addObject().put("HostIp", p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp()).put("HostPort", Integer.toString(p.hostPort()));
    }
    return o;
  }

  /** The networks the container is on (running), or asks for (stopped: without addresses). */
  static ObjectNode networks(ObjectMapper json, ContainerRecord r) {
    ObjectNode o = json.createObjectNode();
    if (!r.endpoints().isEmpty()) {
      r.endpoints().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        EndpointSpec spec = r.networks().get(e.getKey());
        o.set(e.getKey(), endpoint(json, e.getValue(), spec));
      });
      return o;
    }
    Map<String, EndpointSpec> wanted = new LinkedHashMap<>();
    String mode = r.host().networkMode();
    if (!mode.startsWith("container:")) {
      wanted.put(mode, EndpointSpec.defaults());
    }
    wanted.putAll(r.networks());
    wanted.forEach((name, spec) -> o.set(name, endpoint(json, null, spec)));
    return o;
  }

  private static ObjectNode endpoint(ObjectMapper json, EndpointInfo e, EndpointSpec spec) {
    ObjectNode n = json.createObjectNode();
    if (spec != null && spec.ipv4Address() != null) {
      n.putObject("IPAMConfig").put("IPv4Address", spec.ipv4Address());
    } else {
      n.putNull("IPAMConfig");
    }
    n.putNull("Links");
    List<String> aliases = e != null ? e.aliases() : spec != null ? spec.aliases() : List.of();
    if (aliases.isEmpty()) {
      n.putNull("Aliases");
    } else {
      ArrayNode a = n.putArray("Aliases");
      aliases.forEach(a::add);
    }
    n.put("NetworkID", e == null ? "" : e.networkId());
    n.put("EndpointID", e == null ? "" : e.endpointId());
    n.put("Gateway", e == null ? "" : e.gateway());
    n.put("IPAddress", e == null ? "" : e.ipv4Address());
    n.put("IPPrefixLen", e == null ? 0 : e.prefixLength());
    n.put("IPv6Gateway", "");
    n.put("GlobalIPv6Address", "");
    n.put("GlobalIPv6PrefixLen", 0);
    n.put("MacAddress", e == null ? "" : e.macAddress());
    n.putNull("DriverOpts");
    return n;
  }

  /** One entry of {@code GET /containers/json}. */
  static ObjectNode summary(ObjectMapper json, ContainerView v, Instant now) {
    ContainerRecord r = v.record();
    ObjectNode o = json.createObjectNode();
    o.put("Id", r.id());
    o.putArray("Names").add("/" + r.name());
    o.put("Image", r.config().image());
    o.put("ImageID", r.imageId());
    o.put("Command", String.join(" ", ConfigMerge.commandLine(r.config())));
    o.put("Created", r.created().getEpochSecond());
    ArrayNode ports = o.putArray("Ports");
    for (PortBinding p : r.ports()) {
      ObjectNode pn = ports.addObject();
      pn.put("IP", p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp());
      pn.put("PrivatePort", p.containerPort());
      pn.put("PublicPort", p.hostPort());
      pn.put("Type", p.protocol());
    }
    for (String exposed : r.config().exposedPorts().stream().sorted().toList()) {
      String[] pp = exposed.split("/");
      boolean published = r.ports().stream().anyMatch(p -> key(p).equals(exposed));
      if (!published) {
        ports.addObject().put("PrivatePort", Integer.parseInt(pp[0])).put("Type", pp.length > 1 ? pp[1] : "tcp");
      }
    }
    ObjectNode labels = o.putObject("Labels");
    r.config().labels().forEach(labels::put);
    o.put("State", r.state().status().word());
    o.put("Status", status(r.state(), now));
    o.putObject("HostConfig").put("NetworkMode", r.host().networkMode());
    o.putObject("NetworkSettings").set("Networks", networks(json, r));
    o.putArray("Mounts");
    if (v.sizeRw() != null) {
      o.put("SizeRw", v.sizeRw());
      o.put("SizeRootFs", v.sizeRootFs());
    }
    return o;
  }

  /** {@code Up 5 seconds}, {@code Exited (0) 3 minutes ago}, as docker ps shows. */
  static String status(ContainerState s, Instant now) {
    return switch (s.status()) {
      case RUNNING -> "Up " + humanDuration(Duration.between(s.startedAt(), now));
      case PAUSED -> "Up " + humanDuration(Duration.between(s.startedAt(), now)) + " (Paused)";
      case RESTARTING -> "Restarting (" + s.exitCode() + ") " + humanDuration(since(s.finishedAt(), now)) + " ago";
      case EXITED -> s.finishedAt() == null
          ? "Created"
          : "Exited (" + s.exitCode() + ") " + humanDuration(since(s.finishedAt(), now)) + " ago";
      case CREATED -> "Created";
      case REMOVING -> "Removal In Progress";
      case DEAD -> "Dead";
    };
  }

  private static Duration since(Instant t, Instant now) {
    return t == null ? Duration.ZERO : Duration.between(t, now);
  }

  /** Docker's (go-units') HumanDuration. */
  static String humanDuration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = d.toMinutes();
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = Math.round(d.toSeconds() / 3600.0);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return d.toHours() / 24 / 365 + " years";
  }

  static String time(Instant t) {
    return t == null ? ZERO_TIME : JsonLogCodec.rfc3339Nano(t);
  }
}
