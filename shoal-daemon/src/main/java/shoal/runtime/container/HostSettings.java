package shoal.runtime.container;

import java.util.List;
import shoal.net.PortBinding;

/**
 * The parts of Docker's HostConfig that Shoal honours.
 *
 * @param networkMode bridge, host, none, container:ID or a network's name
 * @param dns nameservers replacing the host's in the container's resolv.conf
 * @param extraHosts {@code name:address} lines added to /etc/hosts
 * @param consoleSize the terminal's initial height and width (0, 0: unknown)
 */
public record HostSettings(
    String networkMode,
    List<PortBinding> portBindings,
    boolean publishAllPorts,
    RestartPolicy restartPolicy,
    boolean autoRemove,
    List<String> dns,
    List<String> dnsSearch,
    List<String> dnsOptions,
    List<String> extraHosts,
    List<String> capAdd,
    List<String> capDrop,
    boolean readonlyRootfs,
    List<Integer> consoleSize) {

  public HostSettings {
    networkMode = networkMode == null || networkMode.isEmpty() || networkMode.equals("default") ? "bridge" : networkMode;
    portBindings = portBindings == null ? List.of() : List.copyOf(portBindings);
    restartPolicy = restartPolicy == null ? RestartPolicy.NO : restartPolicy;
    dns = dns == null ? List.of() : List.copyOf(dns);
    dnsSearch = dnsSearch == null ? List.of() : List.copyOf(dnsSearch);
    dnsOptions = dnsOptions == null ? List.of() : List.copyOf(dnsOptions);
    extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
    capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
    capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
    consoleSize = consoleSize == null || consoleSize.size() != 2 ? List.of(0, 0) : List.copyOf(consoleSize);
  }

  public static HostSettings defaults() {
    return new HostSettings("bridge", List.of(), false, RestartPolicy.NO, false,
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false, List.of(0, 0));
  }

  public boolean hostNetwork() {
    return networkMode.equals("host");
  }
}
