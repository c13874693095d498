package shoal.runtime.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import shoal.errors.InvalidArgumentException;

/**
 * {@code docker save}: images as a tarball that both {@code docker load} (through manifest.json)
 * and OCI tools (through index.json) read, as Docker 25 and later write it. Layers go out exactly
 * as they came in, so digests and IDs survive a save and load on another host.
 */
public final class ImageSaver {
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  private static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";

  private final ImageStore store;

  public ImageSaver(ImageStore store) {
    this.store = store;
  }

  /** The images to save, with the tags to save them under; resolved before anything is sent. */
  public record Selection(Map<Image, List<String>> images) {}

  /**
   * Resolves names as Docker does: a tag saves that tag, a bare repository name all its tags, an
   * ID the image without tags. 404 for a name that matches nothing.
   */
  public Selection select(List<String> names) {
    if (names.isEmpty()) {
      throw new InvalidArgumentException("no image names given to save");
    }
    Map<String, Image> byId = new LinkedHashMap<>();
    Map<String, List<String>> tagsById = new LinkedHashMap<>();
    for (String n : names) {
      List<String> repoTags = new ArrayList<>();
      Reference r = ImageRefs.fullId(n) == null ? Reference.parse(n) : null;
      if (r != null && r.tag() == null && r.digest() == null) {
        for (Image i : store.list()) {
          for (String t : i.repoTags()) {
            if (Reference.parse(t).familiarName().equals(r.familiarName())) {
              byId.putIfAbsent(i.id(), i);
              tagsById.computeIfAbsent(i.id(), k -> new ArrayList<>()).add(t);
              repoTags.add(t);
            }
          }
        }
      }
      if (repoTags.isEmpty()) {
        Image i = store.resolve(n);
        byId.putIfAbsent(i.id(), i);
        List<String> tags = tagsById.computeIfAbsent(i.id(), k -> new ArrayList<>());
        if (r != null && !ImageRefs.isIdReference(n, i.id())) {
          String t = r.withDefaultTag().familiarString();
          if (!tags.contains(t)) {
            tags.add(t);
          }
        }
      }
    }
    Map<Image, List<String>> out = new LinkedHashMap<>();
    byId.forEach((id, img) -> out.put(img, List.copyOf(tagsById.get(id))));
    return new Selection(out);
  }

  public void write(Selection selection, OutputStream out) throws IOException {
    var json = ConfigBlob.json();
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    Set<String> written = new HashSet<>();
    dir(tar, "blobs/");
    dir(tar, "blobs/sha256/");
    ArrayNode manifestJson = json.createArrayNode();
    ArrayNode indexManifests = json.createArrayNode();
    for (Map.Entry<Image, List<String>> e : selection.images().entrySet()) {
      Image img = e.getKey();
      byte[] config = store.configBlob(img);
      blob(tar, written, img.id(), config);
      ObjectNode oci = json.createObjectNode();
      oci.put("schemaVersion", 2);
      oci.put("mediaType", OCI_MANIFEST);
      oci.putObject("config").put("mediaType", OCI_CONFIG).put("digest", img.id()).put("size", config.length);
      ArrayNode ociLayers = oci.putArray("layers");
      ObjectNode m = manifestJson.addObject();
      m.put("Config", path(img.id()));
      if (e.getValue().isEmpty()) {
        m.putNull("RepoTags");
      } else {
        e.getValue().forEach(m.putArray("RepoTags")::add);
      }
      ArrayNode layers = m.putArray("Layers");
      List<String> chain = store.chainIds(img);
      for (int i = 0; i < chain.size(); i++) {
        String diffId = img.diffIds().get(i);
        long size = layerBlob(tar, written, diffId, chain.get(i));
        layers.add(path(diffId));
        ociLayers.addObject().put("mediaType", OCI_LAYER).put("digest", diffId).put("size", size);
      }
      byte[] manifest = json.writeValueAsBytes(oci);
      String manifestDigest = Digests.of(manifest);
      blob(tar, written, manifestDigest, manifest);
      List<String> names = e.getValue().isEmpty() ? java.util.Collections.singletonList(null) : e.getValue();
      for (String t : names) {
        ObjectNode d = indexManifests.addObject();
        d.put("mediaType", OCI_MANIFEST).put("digest", manifestDigest).put("size", manifest.length);
        if (t != null) {
          Reference r = Reference.parse(t);
          d.putObject("annotations").put("io.containerd.image.name", r.toString()).put("org.opencontainers.image.ref.name", r.tag());
        }
      }
    }
    ObjectNode index = json.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", "application/vnd.oci.image.index.v1+json");
    index.set("manifests", indexManifests);
    file(tar, "index.json", json.writeValueAsBytes(index));
    file(tar, "manifest.json", json.writeValueAsBytes(manifestJson));
    file(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    tar.finish();
    tar.flush();
  }

  private static String path(String digest) {
    return "blobs/sha256/" + Digests.hex(digest);
  }

  private static void blob(TarArchiveOutputStream tar, Set<String> written, String digest, byte[] bytes) throws IOException {
    if (written.add(digest)) {
      file(tar, path(digest), bytes);
    }
  }

  private long layerBlob(TarArchiveOutputStream tar, Set<String> written, String diffId, String chainId) throws IOException {
    long size = Files.size(store.layerTarPath(chainId));
    if (written.add(diffId)) {
      TarArchiveEntry e = entry(path(diffId));
      e.setSize(size);
      tar.putArchiveEntry(e);
      try (InputStream in = store.layerTar(chainId)) {
        in.transferTo(tar);
      }
      tar.closeArchiveEntry();
    }
    return size;
  }

  private static void dir(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry e = entry(name);
    e.setMode(040755);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
    TarArchiveEntry e = entry(name);
    e.setSize(bytes.length);
    tar.putArchiveEntry(e);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static TarArchiveEntry entry(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setIds(0, 0);
    e.setNames("", "");
    e.setModTime(0);
    if (!name.endsWith("/")) {
      e.setMode(0100644);
    }
    return e;
  }
}
