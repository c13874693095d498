package shoal.runtime.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shoal.errors.InvalidArgumentException;

/**
 * What a loaded archive holds, from Docker's {@code manifest.json} or, for a plain OCI layout,
 * from {@code index.json} and the manifests it points at.
 *
 * @param config the archive path of the config blob
 * @param repoTags tags as written in the archive
 * @param layers archive paths of the layer tars (possibly compressed), bottom first
 */
record LoadManifest(String config, List<String> repoTags, List<String> layers) {
  private static final String IMAGE_NAME = "io.containerd.image.name";
  private static final String REF_NAME = "org.opencontainers.image.ref.name";

  static List<LoadManifest> read(LoadSpool spool) throws IOException {
    if (spool.exists("manifest.json")) {
      return docker(json(spool, "manifest.json"));
    }
    if (spool.exists("index.json")) {
      return oci(spool);
    }
    throw new InvalidArgumentException(
        "invalid tar archive: it has no manifest.json (is this a 'docker save' tarball? for a root file system use 'docker import')");
  }

  private static List<LoadManifest> docker(JsonNode root) {
    if (!root.isArray() || root.isEmpty()) {
      throw new InvalidArgumentException("invalid manifest.json: expected a non-empty list of images");
    }
    List<LoadManifest> out = new ArrayList<>();
    for (JsonNode m : root) {
      String config = m.path("Config").asText("");
      if (config.isEmpty()) {
        throw new InvalidArgumentException("invalid manifest.json: an image has no Config");
      }
      out.add(new LoadManifest(config, ConfigBlob.strings(m.path("RepoTags")), ConfigBlob.strings(m.path("Layers"))));
    }
    return out;
  }

  private static List<LoadManifest> oci(LoadSpool spool) throws IOException {
    // One entry per manifest, whatever number of tags point at it.
    Map<String, List<String>> tagsByManifest = new LinkedHashMap<>();
    collect(spool, json(spool, "index.json"), tagsByManifest, null);
    if (tagsByManifest.isEmpty()) {
      throw new InvalidArgumentException("invalid index.json: no linux/amd64 image manifest in it");
    }
    List<LoadManifest> out = new ArrayList<>();
    for (var e : tagsByManifest.entrySet()) {
      JsonNode manifest = json(spool, blobPath(e.getKey()));
      List<String> layers = new ArrayList<>();
      manifest.path("layers").forEach(l -> layers.add(blobPath(l.path("digest").asText())));
      out.add(new LoadManifest(blobPath(manifest.path("config").path("digest").asText()), e.getValue(), layers));
    }
    return out;
  }

  /** Walks an index (and nested ones) to image manifests for linux/amd64, noting their names. */
  private static void collect(LoadSpool spool, JsonNode index, Map<String, List<String>> out, String inheritedName)
      throws IOException {
    for (JsonNode d : index.path("manifests")) {
      String media = d.path("mediaType").asText("");
      String name = imageName(d.path("annotations"), inheritedName);
      JsonNode platform = d.path("platform");
      if (platform.isObject()
          && !(platform.path("os").asText().equals("linux") && platform.path("architecture").asText().equals("amd64"))) {
        continue;
      }
      if (media.endsWith("image.index.v1+json") || media.endsWith("manifest.list.v2+json")) {
        collect(spool, json(spool, blobPath(d.path("digest").asText())), out, name);
      } else if (media.endsWith("image.manifest.v1+json") || media.endsWith("distribution.manifest.v2+json")) {
        List<String> tags = out.computeIfAbsent(d.path("digest").asText(), k -> new ArrayList<>());
        if (name != null && !tags.contains(name)) {
          tags.add(name);
        }
      }
    }
  }

  /** A full reference from the annotations; a bare OCI ref.name ("latest") names no repository. */
  private static String imageName(JsonNode annotations, String inherited) {
    String full = annotations.path(IMAGE_NAME).asText("");
    if (!full.isEmpty()) {
      return full;
    }
    String ref = annotations.path(REF_NAME).asText("");
    return ref.contains(":") || ref.contains("/") ? ref : inherited;
  }

  private static String blobPath(String digest) {
    int colon = digest.indexOf(':');
    if (colon <= 0) {
      throw new InvalidArgumentException("invalid OCI layout: bad digest \"" + digest + "\"");
    }
    return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
  }

  private static JsonNode json(LoadSpool spool, String name) throws IOException {
    try {
      return ConfigBlob.json().readTree(spool.read(name));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InvalidArgumentException("invalid " + name + ": " + e.getOriginalMessage(), e);
    }
  }
}
