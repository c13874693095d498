package shoal.engineapi.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * The request body (and, after a hijack, the raw bytes the client sends) as a blocking stream,
 * fed by the channel's event loop and read by the request's worker thread. Reading stops the
 * channel's auto-read while more than {@link #HIGH_WATER} bytes wait, so a large upload (an image
 * tarball) never piles up in memory.
 */
final class BodyInputStream extends InputStream {
  private static final int HIGH_WATER = 4 << 20;
  private static final int LOW_WATER = 1 << 20;

  private final Channel channel;
  // Guarded by this: the chunks not yet read, their byte count, and whether more will come.
  private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
  private long queued;
  private boolean ended;

  BodyInputStream(Channel channel) {
    this.channel = channel;
  }

  /** Called on the event loop; takes ownership of {@code buf}. */
  synchronized void offer(ByteBuf buf) {
    if (ended) {
      buf.release();
      return;
    }
    if (!buf.isReadable()) {
      buf.release();
      return;
    }
    chunks.add(buf);
    queued += buf.readableBytes();
    if (queued > HIGH_WATER) {
      channel.config().setAutoRead(false);
    }
    notifyAll();
  }

  /** No more bytes will come: the body is complete or the client went away. */
  synchronized void end() {
    ended = true;
    notifyAll();
  }

  @Override
  public synchronized int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] dst, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (chunks.isEmpty()) {
      if (ended) {
        return -1;
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading the request body", e);
      }
    }
    ByteBuf head = chunks.peek();
    int n = Math.min(len, head.readableBytes());
    head.readBytes(dst, off, n);
    queued -= n;
    if (!head.isReadable()) {
      chunks.poll().release();
    }
    if (queued < LOW_WATER && !channel.config().isAutoRead()) {
      channel.config().setAutoRead(true);
      channel.read();
    }
    return n;
  }

  @Override
  public synchronized int available() {
    return (int) Math.min(Integer.MAX_VALUE, queued);
  }

  @Override
  public synchronized void close() {
    ended = true;
    chunks.forEach(ByteBuf::release);
    chunks.clear();
    queued = 0;
    if (channel.isActive() && !channel.config().isAutoRead()) {
      channel.config().setAutoRead(true);
    }
    notifyAll();
  }
}
