package shoal.runtime.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.InvalidArgumentException;

/**
 * {@code docker import}: a one-layer image from a root file system tarball (plain, gzip or bzip2),
 * with the config that {@code -c} changes and {@code -m} describe. Names and changes are checked
 * before the body is read; a tarball that is not one stores nothing.
 */
public final class ImageImporter {
  private static final Logger log = LoggerFactory.getLogger(ImageImporter.class);

  private final ImageStore store;

  public ImageImporter(ImageStore store) {
    this.store = store;
  }

  /**
   * Imports {@code rootfs}; answers the new image's ID.
   *
   * @param repo the name to tag it with ("name" or "name:tag"), or empty for none
   * @param tag a tag that overrides the one in {@code repo}, or empty
   * @param message the image's comment; empty for Docker's "Imported from -"
   */
  public String importRootfs(InputStream rootfs, String repo, String tag, String message, List<String> changes)
      throws IOException {
    String name = tagName(repo, tag);
    ObjectNode config = ConfigBlob.json().createObjectNode();
    ImageChanges.apply(changes, config);
    String comment = message.isEmpty() ? "Imported from -" : message;
    try (Staging staging = store.stage()) {
      String chainId = staging.addLayer(null, null, Compression.decompress(rootfs));
      String created = Instant.now().toString();
      ObjectNode root = ConfigBlob.json().createObjectNode();
      root.put("architecture", "amd64");
      root.put("comment", comment);
      root.set("config", config);
      root.put("created", created);
      root.putArray("history").addObject().put("created", created).put("comment", comment);
      root.put("os", "linux");
      ObjectNode rootfsNode = root.putObject("rootfs");
      rootfsNode.put("type", "layers");
      rootfsNode.putArray("diff_ids").add(chainId); // one layer: its chain ID is its diffID
      String id = staging.commit(ConfigBlob.of(root));
      if (name != null) {
        staging.tag(name, id);
      }
      store.publish("import", id, id);
      log.info("imported image {} as {}", id, name == null ? "<none>" : name);
      return id;
    }
  }

  /** Docker's rules for repo and tag: a digest is refused, a tag overrides, latest by default. */
  static String tagName(String repo, String tag) {
    if (repo.isEmpty()) {
      return null;
    }
    Reference r = Reference.parse(repo);
    if (r.digest() != null) {
      throw new InvalidArgumentException("cannot import digest reference");
    }
    if (!tag.isEmpty()) {
      if (!Reference.isValidTag(tag)) {
        throw new InvalidArgumentException("invalid tag format");
      }
      r = r.withTag(tag);
    }
    return r.withDefaultTag().familiarString();
  }
}
