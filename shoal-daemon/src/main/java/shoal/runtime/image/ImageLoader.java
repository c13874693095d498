package shoal.runtime.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.InvalidArgumentException;

/**
 * {@code docker load}: images from a {@code docker save} tarball (Docker's manifest.json, with the
 * layers plain or gzipped, the old per-layer directories or the OCI blobs of newer Dockers), or
 * from a plain OCI layout. Everything the archive says is checked before any layer is stored; a
 * layer that turns out bad later takes the load's new layers with it.
 */
public final class ImageLoader {
  private static final Logger log = LoggerFactory.getLogger(ImageLoader.class);

  private final ImageStore store;

  public ImageLoader(ImageStore store) {
    this.store = store;
  }

  /** One image of the archive, checked. */
  private record Checked(ConfigBlob blob, List<String> tags, List<Path> layers) {}

  /** Loads the images; answers the lines Docker prints for them ("Loaded image: busybox:latest"). */
  public List<String> load(InputStream tarball) throws IOException {
    Path dir = Files.createTempDirectory(store.tmpDir(), "load-");
    try {
      LoadSpool spool = LoadSpool.extract(Compression.decompress(tarball), dir);
      List<Checked> images = new ArrayList<>();
      for (LoadManifest m : LoadManifest.read(spool)) {
        images.add(check(spool, m));
      }
      List<String> lines = store(images);
      Trees.delete(dir);
      return lines;
    } catch (IOException | RuntimeException e) {
      Trees.deleteQuietly(dir, e);
      throw e;
    }
  }

  private static Checked check(LoadSpool spool, LoadManifest m) throws IOException {
    ConfigBlob blob = ConfigBlob.parse(spool.read(m.config()));
    List<String> diffIds = blob.diffIds();
    if (diffIds.size() != m.layers().size()) {
      throw new InvalidArgumentException(
          "invalid manifest, layers length mismatch: expected " + diffIds.size() + ", got " + m.layers().size());
    }
    List<Path> layers = new ArrayList<>();
    for (String l : m.layers()) {
      layers.add(spool.file(l));
    }
    List<String> tags = new ArrayList<>();
    for (String t : m.repoTags()) {
      Reference r = Reference.parse(t);
      if (r.tag() == null || r.digest() != null) {
        throw new InvalidArgumentException("invalid tag \"" + t + "\"");
      }
      tags.add(r.familiarString());
    }
    return new Checked(blob, tags, layers);
  }

  private List<String> store(List<Checked> images) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Staging staging = store.stage()) {
      for (Checked c : images) {
        List<String> diffIds = c.blob().diffIds();
        String parent = null;
        for (int i = 0; i < diffIds.size(); i++) {
          String chain = Digests.chainId(parent, diffIds.get(i));
          if (!staging.reuse(chain)) {
            try (InputStream in = Compression.decompress(Files.newInputStream(c.layers().get(i)))) {
              staging.addLayer(parent, diffIds.get(i), in);
            } catch (InvalidArgumentException e) {
              throw new InvalidArgumentException("invalid layer " + (i + 1) + " of " + diffIds.size() + ": " + e.getMessage(), e);
            }
          }
          parent = chain;
        }
        String id = staging.commit(c.blob());
        store.publish("load", id, id);
        for (String tag : c.tags()) {
          String before = staging.tag(tag, id);
          if (before != null) {
            lines.add("The image " + tag + " already exists, renaming the old one with ID " + before + " to empty string");
          }
          lines.add("Loaded image: " + tag);
        }
        if (c.tags().isEmpty()) {
          lines.add("Loaded image ID: " + id);
        }
        log.info("loaded image {} {}", id, c.tags());
      }
    }
    return lines;
  }
}
