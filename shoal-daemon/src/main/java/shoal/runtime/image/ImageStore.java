package shoal.runtime.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.NotFoundException;
import shoal.errors.SystemException;
import shoal.events.Event;
import shoal.events.EventLog;

/**
 * The daemon's images: config blobs, tags and layers under the data root.
 *
 * <pre>
 * image/imagedb/content/sha256/&lt;id hex&gt;   config blobs, byte for byte (the ID is their sha256)
 * image/imagedb/metadata/sha256/&lt;id hex&gt;/lastUpdated   when it was last tagged
 * image/imagedb/retained/&lt;id hex&gt;   force-removed images that stopped containers still use
 * image/repositories.json                tags, in Docker's shape
 * layers/…                               see {@link LayerStore}
 * </pre>
 *
 * Everything is written in the order layers, config, tags, each step whole (temporary file or
 * directory, then rename), so a crash leaves at worst unreferenced layers, which the next start
 * deletes. Loads and imports go through a {@link Staging}, which keeps the layers they rely on from
 * being collected before their image is committed.
 */
public final class ImageStore {
  private static final Logger log = LoggerFactory.getLogger(ImageStore.class);

  private final Path contentDir;
  private final Path metadataDir;
  private final Path retainedDir;
  private final Path tmpDir;
  private final LayerStore layers;
  private final EventLog events;
  private volatile ImageUsage usage = imageId -> List.of();

  // Guarded by this (the store's one lock; taken after nothing else): the images, the tags, and
  // how many stagings rely on each layer.
  private final Map<String, Stored> images = new HashMap<>();
  private final TagStore tags;
  private final Map<String, Integer> staged = new HashMap<>();

  /** An image as kept in memory: its blob, its layers' chain IDs (bottom first), its marks. */
  record Stored(ConfigBlob blob, List<String> chainIds, Instant lastTagTime, boolean retained) {
    String id() {
      return blob.id();
    }
  }

  private ImageStore(Path dataRoot, EventLog events) throws IOException {
    Path imageDir = dataRoot.resolve("image");
    this.contentDir = Files.createDirectories(imageDir.resolve("imagedb/content/sha256"));
    this.metadataDir = Files.createDirectories(imageDir.resolve("imagedb/metadata/sha256"));
    this.retainedDir = Files.createDirectories(imageDir.resolve("imagedb/retained"));
    this.tmpDir = Files.createDirectories(imageDir.resolve("tmp"));
    this.layers = new LayerStore(dataRoot.resolve("layers"));
    this.tags = new TagStore(imageDir.resolve("repositories.json"));
    this.events = events;
  }

  /** Opens the store under {@code dataRoot}, finishing or undoing what a crash left half done. */
  public static ImageStore open(Path dataRoot, EventLog events) throws IOException {
    ImageStore s = new ImageStore(dataRoot, events);
    synchronized (s) {
      s.recover();
    }
    return s;
  }

  /** Called once by the container side, so that removing an image a container uses is refused. */
  public void setUsage(ImageUsage usage) {
    this.usage = usage;
  }

  /**
   * The image a reference names: name[:tag], full ID with or without {@code sha256:}, or a unique
   * ID prefix. 404 "No such image: …" when none; 400 when the reference is malformed.
   */
  public synchronized Image resolve(String reference) {
    Stored s = find(reference).orElseThrow(() -> new NotFoundException("No such image: " + ImageRefs.display(reference)));
    return toImage(s);
  }

  /** All images (not the retained ones), newest first. */
  public synchronized List<Image> list() {
    return images.values().stream()
        .filter(s -> !s.retained())
        .map(this::toImage)
        .sorted((a, b) -> b.created().compareTo(a.created()))
        .toList();
  }

  public synchronized int count() {
    return (int) images.values().stream().filter(s -> !s.retained()).count();
  }

  /** The image's unpacked layers for overlayfs's {@code lowerdir}, topmost first. */
  public synchronized List<Path> lowerDirs(Image image) {
    Stored s = images.get(image.id());
    if (s == null) {
      throw new NotFoundException("No such image: " + image.id());
    }
    List<Path> out = new ArrayList<>();
    for (int i = s.chainIds().size() - 1; i >= 0; i--) {
      out.add(layer(s.chainIds().get(i)).diff());
    }
    return out;
  }

  /** The config blob exactly as stored (its sha256 is the ID). */
  public synchronized byte[] configBlob(Image image) {
    return stored(image).blob().bytes().clone();
  }

  /** The chain IDs of the image's layers, bottom first. */
  public synchronized List<String> chainIds(Image image) {
    return stored(image).chainIds();
  }

  /** The layer exactly as it was loaded or built; for {@code docker save}. */
  InputStream layerTar(String chainId) throws IOException {
    return Files.newInputStream(layerTarPath(chainId));
  }

  Path layerTarPath(String chainId) {
    return layer(chainId).tar();
  }

  /** {@code docker history}: the config's history, newest first, with the size of each layer. */
  public synchronized List<HistoryItem> history(Image image) {
    Stored s = stored(image);
    List<HistoryItem> out = new ArrayList<>();
    int layerIndex = 0;
    for (var h : s.blob().root().path("history")) {
      long size = 0;
      if (!h.path("empty_layer").asBoolean(false) && layerIndex < s.chainIds().size()) {
        size = layer(s.chainIds().get(layerIndex++)).size();
      }
      out.addFirst(
          new HistoryItem(
              "<missing>", ConfigBlob.parseTime(h.path("created").asText("")), h.path("created_by").asText(""),
              List.of(), size, h.path("comment").asText("")));
    }
    if (!out.isEmpty()) {
      HistoryItem top = out.getFirst();
      out.set(0, new HistoryItem(s.id(), top.created(), top.createdBy(), tags.tagsOf(s.id()), top.size(), top.comment()));
    }
    return out;
  }

  /** Puts a tag on an image (moving it from another image if need be). */
  public Image tag(String source, String familiarTag) throws IOException {
    Image img;
    synchronized (this) {
      Stored s = find(source).orElseThrow(() -> new NotFoundException("No such image: " + ImageRefs.display(source)));
      setTag(familiarTag, s.id());
      img = toImage(images.get(s.id()));
    }
    publish("tag", img.id(), familiarTag);
    return img;
  }

  /** {@code docker rmi}: see {@link ImageRemoval} for Docker's rules, which it follows. */
  public List<DeleteResult> remove(String reference, boolean force) throws IOException {
    List<DeleteResult> out;
    List<Event> done = new ArrayList<>();
    synchronized (this) {
      sweepRetained();
      Stored s = find(reference).orElseThrow(() -> new NotFoundException("No such image: " + ImageRefs.display(reference)));
      out = new ImageRemoval(this, s, usage, done).run(reference, force);
    }
    done.forEach(events::publish);
    return out;
  }

  /** What {@code docker image prune} removed and the bytes of the layers that went with it. */
  public record PruneResult(List<DeleteResult> deleted, long spaceReclaimed) {}

  /**
   * {@code docker image prune}: removes images no container uses, only untagged ones unless
   * {@code all}, and only those {@code filter} accepts.
   */
  public PruneResult prune(boolean all, java.util.function.Predicate<Image> filter) throws IOException {
    List<DeleteResult> out = new ArrayList<>();
    List<Event> done = new ArrayList<>();
    long reclaimed = 0;
    synchronized (this) {
      sweepRetained();
      for (Stored s : List.copyOf(images.values())) {
        Image img = toImage(s);
        if (s.retained() || (!all && !img.repoTags().isEmpty()) || !filter.test(img)
            || !usage.containersUsing(s.id()).isEmpty()) {
          continue;
        }
        for (String t : img.repoTags()) {
          tags.remove(t);
          out.add(DeleteResult.untagged(t));
          done.add(event("untag", s.id(), s.id()));
        }
        Map<String, Long> sizes = new HashMap<>();
        s.chainIds().forEach(c -> sizes.put(c, layers.get(c).map(LayerStore.Layer::size).orElse(0L)));
        done.add(event("delete", s.id(), s.id()));
        out.add(DeleteResult.deleted(s.id()));
        for (String layer : deleteImage(s)) {
          out.add(DeleteResult.deleted(layer));
          reclaimed += sizes.getOrDefault(layer, 0L);
        }
      }
    }
    done.forEach(events::publish);
    return new PruneResult(out, reclaimed);
  }

  /** Starts a load or an import. Close it whatever happens. */
  Staging stage() {
    return new Staging(this, layers);
  }

  /** Keeps a stored layer from collection for a staging; false if there is no such layer. */
  synchronized boolean claim(String chainId) {
    if (layers.get(chainId).isEmpty()) {
      return false;
    }
    staged.merge(chainId, 1, Integer::sum);
    return true;
  }

  /** Ends a staging's claims; the layers no image uses then are deleted. */
  synchronized void release(List<String> claimed) throws IOException {
    for (String c : claimed) {
      staged.computeIfPresent(c, (k, n) -> n == 1 ? null : n - 1);
    }
    collectLayers(claimed);
  }

  // ---- below: called with the lock held ----

  Optional<Stored> find(String reference) {
    return ImageRefs.find(reference, images, tags);
  }

  private Stored stored(Image image) {
    Stored s = images.get(image.id());
    if (s == null) {
      throw new NotFoundException("No such image: " + image.id());
    }
    return s;
  }

  private LayerStore.Layer layer(String chainId) {
    return layers.get(chainId).orElseThrow(() -> new SystemException("layer " + chainId + " is missing from the store"));
  }

  Image toImage(Stored s) {
    ConfigBlob b = s.blob();
    long size = 0;
    for (String c : s.chainIds()) {
      size += layers.get(c).map(LayerStore.Layer::size).orElse(0L);
    }
    return new Image(
        s.id(), s.retained() ? List.of() : tags.tagsOf(s.id()), b.created(), b.imageConfig(), b.diffIds(), size,
        b.text("architecture"), b.text("os"), b.text("author"), b.text("comment"), b.text("docker_version"),
        s.lastTagTime());
  }

  TagStore tags() {
    return tags;
  }

  /** Where loads spool their tarballs; emptied at every start. */
  Path tmpDir() {
    return tmpDir;
  }

  Map<String, Stored> images() {
    return images;
  }

  /** Stores an image whose layers a staging holds. Answers its ID. */
  synchronized String commit(ConfigBlob blob) throws IOException {
    List<String> chain = Digests.chainIds(blob.diffIds());
    for (String c : chain) {
      if (!staged.containsKey(c) || layers.get(c).isEmpty()) {
        throw new SystemException("cannot commit image: layer " + c + " is not stored");
      }
    }
    String id = blob.id();
    if (!images.containsKey(id)) {
      AtomicFiles.write(contentDir.resolve(Digests.hex(id)), blob.bytes());
      images.put(id, new Stored(blob, chain, null, false));
      log.info("stored image {} ({} layers)", id, chain.size());
    } else if (images.get(id).retained()) {
      Files.deleteIfExists(retainedDir.resolve(Digests.hex(id)));
      Stored s = images.get(id);
      images.put(id, new Stored(s.blob(), s.chainIds(), s.lastTagTime(), false));
    }
    return id;
  }

  /** Points a tag at an image; answers the image it pointed at before, or null. */
  synchronized String setTag(String familiarTag, String imageId) throws IOException {
    String before = tags.put(familiarTag, imageId);
    Instant now = Instant.now();
    Path meta = Files.createDirectories(metadataDir.resolve(Digests.hex(imageId)));
    AtomicFiles.write(meta.resolve("lastUpdated"), now.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Stored s = images.get(imageId);
    images.put(imageId, new Stored(s.blob(), s.chainIds(), now, s.retained()));
    return imageId.equals(before) ? null : before;
  }

  /** Forgets an image. Answers the layers deleted with it, topmost first. */
  List<String> deleteImage(Stored s) throws IOException {
    Files.deleteIfExists(contentDir.resolve(Digests.hex(s.id())));
    Trees.delete(metadataDir.resolve(Digests.hex(s.id())));
    Files.deleteIfExists(retainedDir.resolve(Digests.hex(s.id())));
    images.remove(s.id());
    return collectLayers(s.chainIds().reversed());
  }

  /** Keeps an image out of sight but on disk for the stopped containers that use it. */
  void retain(Stored s) throws IOException {
    Files.writeString(retainedDir.resolve(Digests.hex(s.id())), "");
    images.put(s.id(), new Stored(s.blob(), s.chainIds(), s.lastTagTime(), true));
  }

  /** Deletes those of {@code candidates} that no image and no staging needs. */
  private List<String> collectLayers(Collection<String> candidates) throws IOException {
    Set<String> needed = new HashSet<>(staged.keySet());
    images.values().forEach(s -> needed.addAll(s.chainIds()));
    List<String> deleted = new ArrayList<>();
    for (String c : new LinkedHashSet<>(candidates)) {
      if (!needed.contains(c) && layers.get(c).isPresent()) {
        layers.delete(c);
        deleted.add(c);
      }
    }
    return deleted;
  }

  /** Retained images whose containers are gone are deleted for good. */
  private void sweepRetained() throws IOException {
    for (Stored s : List.copyOf(images.values())) {
      if (s.retained() && usage.containersUsing(s.id()).isEmpty()) {
        log.info("deleting image {}: no container uses it any more", s.id());
        deleteImage(s);
      }
    }
  }

  private void recover() throws IOException {
    Trees.delete(tmpDir);
    Files.createDirectories(tmpDir);
    try (Stream<Path> blobs = Files.list(contentDir)) {
      for (Path p : blobs.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
          Files.delete(p); // an unfinished atomic write
          continue;
        }
        ConfigBlob blob = ConfigBlob.parse(Files.readAllBytes(p));
        List<String> chain = Digests.chainIds(blob.diffIds());
        if (!chain.stream().allMatch(c -> layers.get(c).isPresent())) {
          log.warn("image {} lost a layer; removing it", blob.id());
          Files.delete(p);
          continue;
        }
        Path last = metadataDir.resolve(name).resolve("lastUpdated");
        Instant lastTag = Files.exists(last) ? Instant.parse(Files.readString(last).strip()) : null;
        boolean retained = Files.exists(retainedDir.resolve(name));
        images.put(blob.id(), new Stored(blob, chain, lastTag, retained));
      }
    }
    tags.retainImages(images.keySet());
    List<String> orphans = collectLayers(layers.all());
    if (!orphans.isEmpty()) {
      log.info("removed {} layers no image uses", orphans.size());
    }
  }

  void publish(String action, String imageId, String name) {
    Event e;
    synchronized (this) {
      e = event(action, imageId, name);
    }
    events.publish(e);
  }

  Event event(String action, String imageId, String name) {
    Stored s = images.get(imageId);
    Map<String, String> attrs = new HashMap<>();
    if (s != null) {
      attrs.putAll(s.blob().imageConfig().labels());
    }
    attrs.put("name", name);
    return Event.local("image", action, imageId, attrs);
  }
}
