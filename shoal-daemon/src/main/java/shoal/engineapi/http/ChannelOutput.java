package shoal.engineapi.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * A blocking stream onto the channel for a streamed response body: chunks of HTTP while the codec
 * is in the pipeline, raw bytes after a hijack. A writer waits while the channel is not writable,
 * so a slow client slows the producer instead of filling the heap.
 */
final class ChannelOutput extends OutputStream {
  private static final long WRITABLE_WAIT_MS = 50;

  private final Channel channel;
  private final boolean raw;
  private final Runnable onClose;
  private boolean closed;

  ChannelOutput(Channel channel, boolean raw, Runnable onClose) {
    this.channel = channel;
    this.raw = raw;
    this.onClose = onClose;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] src, int off, int len) throws IOException {
    if (len == 0) {
      return;
    }
    if (closed || !channel.isActive()) {
      throw new IOException("the client closed the connection");
    }
    awaitWritable();
    // Copied: the caller may reuse its buffer as soon as write returns.
    var buf = Unpooled.copiedBuffer(src, off, len);
    ChannelFuture f = channel.writeAndFlush(raw ? buf : new DefaultHttpContent(buf));
    if (f.isDone() && !f.isSuccess()) {
      throw new IOException("write to client failed", f.cause());
    }
  }

  private void awaitWritable() throws IOException {
    while (!channel.isWritable()) {
      if (!channel.isActive()) {
        throw new IOException("the client closed the connection");
      }
      try {
        synchronized (this) {
          wait(WRITABLE_WAIT_MS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the client", e);
      }
    }
  }

  synchronized void writabilityChanged() {
    notifyAll();
  }

  @Override
  public void flush() {
    // Every write is flushed already.
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    onClose.run();
  }

  /** Waits a little for queued bytes to reach the socket before a close. */
  static void drain(Channel channel, ChannelFuture last) {
    last.awaitUninterruptibly(2, TimeUnit.SECONDS);
  }
}
