package shoal.net.overlay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shoal.net.link.BridgeTool.RemoteEntry;

/**
 * What to change in a sandbox so that its static entries are exactly a peer table: entries to
 * set (new or changed peers) and entries to delete (peers gone, or left by anything else).
 *
 * @param put peers whose forwarding or neighbour entry is missing or different
 * @param deleteMacs forwarding entries no peer has
 * @param deleteIps neighbour entries no peer has
 */
record PeerDiff(List<RemotePeer> put, List<String> deleteMacs, List<String> deleteIps) {

  static PeerDiff between(Map<String, String> neighbours, List<RemoteEntry> fdb, Collection<RemotePeer> wanted) {
    Map<String, String> vtepByMac = new HashMap<>();
    fdb.forEach(e -> vtepByMac.put(e.mac(), e.vtep()));
    List<RemotePeer> put = new ArrayList<>();
    Set<String> macs = new HashSet<>();
    Set<String> ips = new HashSet<>();
    for (RemotePeer p : wanted) {
      macs.add(p.mac());
      ips.add(p.ip());
      if (!p.vtep().equals(vtepByMac.get(p.mac())) || !p.mac().equals(neighbours.get(p.ip()))) {
        put.add(p);
      }
    }
    List<String> deleteMacs = vtepByMac.keySet().stream().filter(m -> !macs.contains(m)).sorted().toList();
    List<String> deleteIps = neighbours.keySet().stream().filter(ip -> !ips.contains(ip)).sorted().toList();
    return new PeerDiff(put, deleteMacs, deleteIps);
  }

  boolean isEmpty() {
    return put.isEmpty() && deleteMacs.isEmpty() && deleteIps.isEmpty();
  }
}
