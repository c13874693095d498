package shoal.runtime.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import shoal.errors.InvalidArgumentException;

/**
 * Undoes the compression of a tar stream, found by its magic bytes as Docker finds it: gzip and
 * bzip2 are read; xz and zstd are named in a clear refusal; anything else is taken as plain.
 */
final class Compression {
  private static final int BUFFER = 1 << 16;

  private Compression() {}

  static InputStream decompress(InputStream raw) throws IOException {
    BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, BUFFER);
    in.mark(8);
    byte[] magic = in.readNBytes(6);
    in.reset();
    if (starts(magic, 0x1f, 0x8b)) {
      try {
        return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
      } catch (IOException e) {
        throw new InvalidArgumentException("invalid gzip stream: " + e.getMessage(), e);
      }
    }
    if (starts(magic, 'B', 'Z', 'h')) {
      try {
        return new BufferedInputStream(new BZip2CompressorInputStream(in, true), BUFFER);
      } catch (IOException e) {
        throw new InvalidArgumentException("invalid bzip2 stream: " + e.getMessage(), e);
      }
    }
    if (starts(magic, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
      throw new InvalidArgumentException("xz-compressed archives are not supported: decompress it first (xz -d)");
    }
    if (starts(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
      throw new InvalidArgumentException("zstd-compressed archives are not supported: decompress it first (zstd -d)");
    }
    return in;
  }

  private static boolean starts(byte[] bytes, int... magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((bytes[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
