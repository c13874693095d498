package shoal.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A node's identity on disk, under {@code <data-root>/swarm/certificates/}: {@code swarm-root-ca.crt}
 * (the root CA) and {@code swarm-node.pem} (the node's key followed by its chain). Key and chain
 * share one file so that a crash during renewal can never pair a new key with an old certificate;
 * every file is written whole (temporary file, fsync, rename, fsync of the directory).
 */
public final class IdentityStore {
  static final String ROOT_FILE = "swarm-root-ca.crt";
  static final String NODE_FILE = "swarm-node.pem";

  private final Path dir;

  public IdentityStore(Path dataRoot) {
    this.dir = dataRoot.resolve("swarm").resolve("certificates");
  }

  public Path directory() {
    return dir;
  }

  /** The stored identity; empty when there is none (never joined, or left). */
  public Optional<NodeIdentity> load() throws IOException {
    Path node = dir.resolve(NODE_FILE);
    Path root = dir.resolve(ROOT_FILE);
    if (!Files.exists(node)) {
      return Optional.empty();
    }
    String nodePem = Files.readString(node, StandardCharsets.US_ASCII);
    List<X509Certificate> roots = Pem.certificates(Files.readString(root, StandardCharsets.US_ASCII));
    if (roots.size() != 1) {
      throw new IOException(root + " must hold exactly one certificate, it holds " + roots.size());
    }
    try {
      return Optional.of(new NodeIdentity(Pem.privateKey(nodePem), Pem.certificates(nodePem), roots.getFirst()));
    } catch (IllegalArgumentException e) {
      throw new IOException("the node identity in " + dir + " is unusable: " + e.getMessage(), e);
    }
  }

  /** Stores {@code identity}, replacing the one stored. The root goes first: a node file is only ever beside its root. */
  public void save(NodeIdentity identity) throws IOException {
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    writeAtomically(dir.resolve(ROOT_FILE), Pem.encode(List.of(identity.root())));
    writeAtomically(dir.resolve(NODE_FILE), Pem.encode(identity.key()) + Pem.encode(identity.chain()));
  }

  /** Forgets the identity (the node left the swarm). The node file goes first, for the same reason. */
  public void delete() throws IOException {
    Files.deleteIfExists(dir.resolve(NODE_FILE));
    Files.deleteIfExists(dir.resolve(ROOT_FILE));
    syncDirectory();
  }

  private void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private void syncDirectory() throws IOException {
    if (Files.isDirectory(dir)) {
      try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
        ch.force(true);
      }
    }
  }
}
