package shoal.net;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /networks/create} as values (Docker's {@code NetworkCreateRequest}).
 *
 * @param driver empty for bridge
 * @param ipamDriver empty for default
 * @param ipamConfig at most one IPv4 entry for the bridge driver
 */
public record NetworkCreateRequest(
    String name,
    String driver,
    boolean internal,
    boolean attachable,
    boolean ingress,
    boolean enableIpv6,
    boolean configOnly,
    String configFrom,
    String scope,
    String ipamDriver,
    List<IpamConfig> ipamConfig,
    Map<String, String> ipamOptions,
    Map<String, String> options,
    Map<String, String> labels) {

  public NetworkCreateRequest {
    name = name == null ? "" : name;
    driver = driver == null ? "" : driver;
    configFrom = configFrom == null ? "" : configFrom;
    scope = scope == null ? "" : scope;
    ipamDriver = ipamDriver == null ? "" : ipamDriver;
    ipamConfig = ipamConfig == null ? List.of() : List.copyOf(ipamConfig);
    ipamOptions = ipamOptions == null ? Map.of() : Map.copyOf(ipamOptions);
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** A bridge network of that name with every default. */
  public static NetworkCreateRequest named(String name) {
    return new NetworkCreateRequest(name, "", false, false, false, false, false, "", "", "", List.of(),
        Map.of(), Map.of(), Map.of());
  }

  /** One {@code IPAM.Config} entry; empty strings for what was not given. */
  public record IpamConfig(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
    public IpamConfig {
      subnet = subnet == null ? "" : subnet;
      ipRange = ipRange == null ? "" : ipRange;
      gateway = gateway == null ? "" : gateway;
      auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
    }
  }
}
