package shoal.runtime.container;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ConflictException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.errors.SystemException;

/**
 * The daemon's containers: found by id, name or unique id prefix; each saved as
 * {@code <data-root>/containers/<id>/container.json} (written to a temporary file and renamed, so a
 * crash leaves the old or the new version, never half of one).
 */
public final class ContainerStore {
  private static final Logger log = LoggerFactory.getLogger(ContainerStore.class);
  static final String FILE = "container.json";

  private final Path containersDir;
  private final Path runRoot;
  private final ObjectMapper json = mapper();
  // Guarded by this: containers by id, and ids by name (without slash).
  private final Map<String, Container> byId = new LinkedHashMap<>();
  private final Map<String, String> byName = new HashMap<>();

  public ContainerStore(Path dataRoot, Path execRoot) {
    this.containersDir = dataRoot.resolve("containers");
    this.runRoot = execRoot.resolve("containers");
  }

  /** Reads every saved container; unreadable ones are logged and skipped. */
  public synchronized List<Container> load() throws IOException {
    Files.createDirectories(containersDir);
    Files.createDirectories(runRoot);
    List<Container> out = new ArrayList<>();
    try (var dirs = Files.list(containersDir)) {
      for (Path d : dirs.sorted().toList()) {
        Path f = d.resolve(FILE);
        if (!Files.isRegularFile(f)) {
          continue;
        }
        try {
          ContainerRecord r = json.readValue(f.toFile(), ContainerRecord.class);
          Container c = new Container(r, d, new RunDir(runRoot.resolve(r.id())), this);
          byId.put(r.id(), c);
          byName.put(r.name(), r.id());
          out.add(c);
        } catch (IOException e) {
          log.error("cannot read container {}: {}", d.getFileName(), e.toString());
        }
      }
    }
    return out;
  }

  /** Adds a new container under its (free) name and saves it. */
  public synchronized Container add(ContainerRecord r) {
    claimName(r.name(), r.id());
    Path dir = containersDir.resolve(r.id());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      byName.remove(r.name());
      throw new SystemException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    Container c = new Container(r, dir, new RunDir(runRoot.resolve(r.id())), this);
    save(r);
    byId.put(r.id(), c);
    return c;
  }

  /** Fails with Docker's 409 when another container has the name. */
  synchronized void claimName(String name, String id) {
    String holder = byName.get(name);
    if (holder != null && !holder.equals(id)) {
      throw new ConflictException("Conflict. The container name \"/" + name + "\" is already in use by container \""
          + holder + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }
    byName.put(name, id);
  }

  synchronized void releaseName(String name, String id) {
    byName.remove(name, id);
  }

  public synchronized boolean nameTaken(String name) {
    return byName.containsKey(name);
  }

  /** By full id, name (with or without its slash) or unique id prefix; 404 in Docker's words. */
  public synchronized Container get(String ref) {
    return find(ref).orElseThrow(() -> new NotFoundException("No such container: " + ref));
  }

  public synchronized Optional<Container> find(String ref) {
    if (ref == null || ref.isEmpty()) {
      return Optional.empty();
    }
    Container c = byId.get(ref);
    if (c != null) {
      return Optional.of(c);
    }
    String name = ref.startsWith("/") ? ref.substring(1) : ref;
    String id = byName.get(name);
    if (id != null) {
      return Optional.ofNullable(byId.get(id));
    }
    if (!ref.matches("[0-9a-f]+")) {
      return Optional.empty();
    }
    List<Container> matches = byId.values().stream().filter(x -> x.id().startsWith(ref)).toList();
    if (matches.size() > 1) {
      throw new InvalidArgumentException("Multiple IDs found with provided prefix: " + ref);
    }
    return matches.stream().findFirst();
  }

  /** Every container, newest first. */
  public synchronized List<Container> all() {
    List<Container> out = new ArrayList<>(byId.values());
    out.sort(Comparator.comparing((Container c) -> c.record().created()).reversed());
    return out;
  }

  /** Forgets the container and deletes its directory (its log too). */
  synchronized void remove(Container c) {
    byId.remove(c.id());
    byName.remove(c.record().name(), c.id());
    deleteTree(c.dataDir());
  }

  void save(ContainerRecord r) {
    Path dir = containersDir.resolve(r.id());
    Path tmp = dir.resolve(FILE + ".tmp");
    try {
      json.writeValue(tmp.toFile(), r);
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SystemException("cannot save container " + r.id() + ": " + e.getMessage(), e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new SystemException("cannot remove " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Bytes in the regular files under {@code dir} (0 when it does not exist). */
  static long treeSize(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (var walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .mapToLong(p -> p.toFile().length())
          .sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  private static ObjectMapper mapper() {
    SimpleModule times = new SimpleModule();
    times.addSerializer(Instant.class, new JsonSerializer<>() {
      @Override
      public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(v.toString());
      }
    });
    times.addDeserializer(Instant.class, new JsonDeserializer<>() {
      @Override
      public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return Instant.parse(p.getValueAsString());
      }
    });
    times.addSerializer(Duration.class, new JsonSerializer<>() {
      @Override
      public void serialize(Duration v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeNumber(v.toMillis());
      }
    });
    times.addDeserializer(Duration.class, new JsonDeserializer<>() {
      @Override
      public Duration deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return Duration.ofMillis(p.getValueAsLong());
      }
    });
    return new ObjectMapper()
        .registerModule(times)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
