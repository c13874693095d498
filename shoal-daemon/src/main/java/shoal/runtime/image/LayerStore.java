package shoal.runtime.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.InvalidArgumentException;

/**
 * Layers on disk, named by chain ID as Docker's layer store names them:
 * {@code layers/sha256/<chain hex>/} holds {@code diff/} (the unpacked files, an overlayfs lower
 * directory), {@code layer.tar} (the layer exactly as it came, so that {@code docker save} gives
 * back the same digests), and the files {@code diff-id}, {@code parent}, {@code size}.
 *
 * <p>A layer is built in {@code layers/tmp/} and renamed into place whole, and removed by being
 * renamed back out first: a layer directory under {@code sha256/} is always complete. What a crash
 * leaves in {@code tmp/} is deleted at the next start. This class decides nothing about which
 * layers are needed; the {@link ImageStore} does.
 */
final class LayerStore {
  private static final Logger log = LoggerFactory.getLogger(LayerStore.class);

  /** A stored layer. {@code parent} is the chain ID of the layer below, or null. */
  record Layer(String chainId, String diffId, String parent, long size, Path dir) {
    Path diff() {
      return dir.resolve("diff");
    }

    Path tar() {
      return dir.resolve("layer.tar");
    }
  }

  private final Path layersDir;
  private final Path tmpDir;
  // Layers read from disk once; entries go when their layer is deleted.
  private final ConcurrentHashMap<String, Layer> cache = new ConcurrentHashMap<>();

  LayerStore(Path root) throws IOException {
    this.layersDir = root.resolve("sha256");
    this.tmpDir = root.resolve("tmp");
    Files.createDirectories(layersDir);
    Files.createDirectories(tmpDir);
    try (Stream<Path> leftovers = Files.list(tmpDir)) {
      for (Path p : leftovers.toList()) {
        log.info("removing unfinished layer {}", p.getFileName());
        Trees.delete(p);
      }
    }
  }

  Optional<Layer> get(String chainId) {
    Path dir = layersDir.resolve(Digests.hex(chainId));
    // The directory decides: a cached entry outlives a layer deleted meanwhile.
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    Layer cached = cache.get(chainId);
    if (cached != null) {
      return Optional.of(cached);
    }
    try {
      String parent = Files.readString(dir.resolve("parent")).strip();
      Layer l =
          new Layer(
              chainId,
              Files.readString(dir.resolve("diff-id")).strip(),
              parent.isEmpty() ? null : parent,
              Long.parseLong(Files.readString(dir.resolve("size")).strip()),
              dir);
      cache.put(chainId, l);
      return Optional.of(l);
    } catch (IOException | RuntimeException e) {
      log.warn("layer {} is unreadable: {}", chainId, e.toString());
      return Optional.empty();
    }
  }

  /** Chain IDs of every stored layer. */
  List<String> all() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(layersDir)) {
      dirs.forEach(d -> out.add(Digests.SHA256 + d.getFileName()));
    }
    return out;
  }

  /**
   * Unpacks the uncompressed layer tar {@code in} on top of {@code parentChainId} (null for a base
   * layer) and stores it, unless an identical layer is there already.
   *
   * @param expectedDiffId the diffID the image config announces; a layer that hashes otherwise is
   *     refused (400) and nothing is kept. Null to accept any.
   */
  Layer register(String parentChainId, String expectedDiffId, InputStream in) throws IOException {
    Path tmp = Files.createTempDirectory(tmpDir, "layer-");
    try {
      Path diff = Files.createDirectory(tmp.resolve("diff"));
      LayerUnpacker.Result r;
      try (OutputStream copy = new BufferedOutputStream(Files.newOutputStream(tmp.resolve("layer.tar")), 1 << 16)) {
        r = LayerUnpacker.unpack(in, diff, copy);
      }
      if (expectedDiffId != null && !expectedDiffId.equals(r.diffId())) {
        throw new InvalidArgumentException(
            "layer content does not match the image config: expected diffID " + expectedDiffId + ", got " + r.diffId());
      }
      String chainId = Digests.chainId(parentChainId, r.diffId());
      Files.writeString(tmp.resolve("diff-id"), r.diffId() + "\n");
      Files.writeString(tmp.resolve("parent"), (parentChainId == null ? "" : parentChainId) + "\n");
      Files.writeString(tmp.resolve("size"), r.size() + "\n");
      Path dest = layersDir.resolve(Digests.hex(chainId));
      if (Files.isDirectory(dest)) {
        Trees.delete(tmp);
      } else {
        try {
          Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
          log.debug("stored layer {} (diffID {}, {} bytes)", chainId, r.diffId(), r.size());
        } catch (FileSystemException raced) {
          // Another load stored the same layer meanwhile; theirs is as good as ours.
          if (!Files.isDirectory(dest)) {
            throw raced;
          }
          Trees.delete(tmp);
        }
      }
      return get(chainId).orElseThrow(() -> new IOException("layer " + chainId + " vanished after storing it"));
    } catch (IOException | RuntimeException | Error e) {
      Trees.deleteQuietly(tmp, e);
      throw e;
    }
  }

  /** Removes a layer: first out of sight (one rename), then from the disk. */
  void delete(String chainId) throws IOException {
    cache.remove(chainId);
    Path dir = layersDir.resolve(Digests.hex(chainId));
    if (!Files.isDirectory(dir)) {
      return;
    }
    Path doomed = tmpDir.resolve("deleting-" + Digests.hex(chainId));
    Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
    Trees.delete(doomed);
    log.debug("deleted layer {}", chainId);
  }
}
