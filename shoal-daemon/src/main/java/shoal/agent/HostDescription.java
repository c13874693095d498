package shoal.agent;

import java.util.Map;
import shoal.proto.NodeDescription;

/**
 * What the agent tells the dispatcher about this host when it registers.
 *
 * @param hostname the host's name (its UTS namespace's)
 * @param engineLabels the daemon's own labels (not node labels: those live in the store)
 */
public record HostDescription(
    String hostname, String engineVersion, String os, String architecture, long nanoCpus,
    long memoryBytes, Map<String, String> engineLabels) {
  public HostDescription {
    engineLabels = Map.copyOf(engineLabels);
  }

  /** The registration's description, with the address this node is reached at. */
  public NodeDescription toProto(String advertiseAddr) {
    return NodeDescription.newBuilder().setHostname(hostname).setAdvertiseAddr(advertiseAddr)
        .setEngineVersion(engineVersion).setOs(os).setArchitecture(architecture)
        .setNanoCpus(nanoCpus).setMemoryBytes(memoryBytes).putAllEngineLabels(engineLabels)
        .build();
  }
}
