package shoal.runtime.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import shoal.errors.SystemException;

/**
 * The layers and image of one load or import on their way into the {@link ImageStore}. Layers it
 * stores or reuses are kept until it closes; those that no image uses then are deleted, so a load
 * that fails half-way leaves nothing behind.
 */
final class Staging implements AutoCloseable {
  private final ImageStore store;
  private final LayerStore layers;
  // Only the thread running the load uses it.
  private final List<String> claimed = new ArrayList<>();

  Staging(ImageStore store, LayerStore layers) {
    this.store = store;
    this.layers = layers;
  }

  /** Whether the layer is stored already; if so it is kept for this staging. */
  boolean reuse(String chainId) {
    if (!store.claim(chainId)) {
      return false;
    }
    claimed.add(chainId);
    return true;
  }

  /**
   * Stores an uncompressed layer tar on top of {@code parentChainId}; {@code expectedDiffId} (null:
   * any) is checked before anything is kept. Answers the layer's chain ID.
   */
  String addLayer(String parentChainId, String expectedDiffId, InputStream tar) throws IOException {
    String chainId = layers.register(parentChainId, expectedDiffId, tar).chainId();
    // An identical unused layer may have been collected between its registration and now.
    if (!store.claim(chainId)) {
      throw new SystemException("layer " + chainId + " was removed while it was being loaded; try again");
    }
    claimed.add(chainId);
    return chainId;
  }

  /** Stores the image (its layers must be staged). Answers its ID. */
  String commit(ConfigBlob blob) throws IOException {
    return store.commit(blob);
  }

  /** Tags a committed image; answers the image the tag pointed at before, or null. */
  String tag(String familiarTag, String imageId) throws IOException {
    return store.setTag(familiarTag, imageId);
  }

  @Override
  public void close() throws IOException {
    store.release(claimed);
  }
}
