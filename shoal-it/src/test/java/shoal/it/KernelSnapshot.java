package shoal.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import shoal.common.Commands;

/**
 * What a lab may leave behind on the machine, restricted to names with a given prefix (other
 * tests run beside ours): named network namespaces, links of the root namespace, mounts, and
 * processes running shoald.
 */
record KernelSnapshot(List<String> netns, List<String> rootLinks, List<String> mounts, List<String> processes) {
  static KernelSnapshot take(String prefix, Path stateDir) throws IOException {
    List<String> ns = Commands.check("ip", "netns", "list").lines()
        .map(l -> l.split(" ")[0]).filter(n -> n.startsWith(prefix)).sorted().toList();
    List<String> links = Commands.check("ip", "-o", "link", "show").lines()
        .map(l -> l.replaceAll("^\\d+: ", "").split("[:@]")[0]).sorted().toList();
    List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .filter(l -> l.contains(stateDir.toString()) || l.contains(prefix)).toList();
    List<String> procs = ProcessHandle.allProcesses()
        .filter(h -> h.info().commandLine().orElse("").contains(stateDir.toString()))
        .map(h -> h.pid() + " " + h.info().commandLine().orElse("")).toList();
    return new KernelSnapshot(ns, links, mounts, procs);
  }
}
