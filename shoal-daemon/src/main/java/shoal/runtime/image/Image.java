package shoal.runtime.image;

import java.time.Instant;
import java.util.List;

/**
 * An image in the store.
 *
 * @param id "sha256:" + the sha256 of its config blob, as Docker computes it
 * @param repoTags familiar "name:tag" strings ("busybox:latest"), sorted; empty when dangling
 * @param diffIds sha256 of each uncompressed layer tar, bottom layer first
 * @param size bytes of the files in all its layers
 * @param lastTagTime when a tag was last put on it, or null
 */
public record Image(
    String id,
    List<String> repoTags,
    Instant created,
    ImageConfig config,
    List<String> diffIds,
    long size,
    String architecture,
    String os,
    String author,
    String comment,
    String dockerVersion,
    Instant lastTagTime) {

  public Image {
    repoTags = List.copyOf(repoTags);
    diffIds = List.copyOf(diffIds);
  }

  /** The id's first 12 hex digits, as Docker shows it. */
  public String shortId() {
    return id.substring("sha256:".length(), "sha256:".length() + 12);
  }
}
