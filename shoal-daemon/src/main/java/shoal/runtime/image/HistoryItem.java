package shoal.runtime.image;

import java.time.Instant;
import java.util.List;

/**
 * One step of {@code docker history}, newest first.
 *
 * @param id the image's ID on the newest step, "&lt;missing&gt;" on older ones (as Docker answers
 *     for steps that are not images of their own)
 * @param tags the image's tags on the newest step, else empty
 * @param size bytes of the layer this step made, 0 for steps that made none
 */
public record HistoryItem(String id, Instant created, String createdBy, List<String> tags, long size, String comment) {
  public HistoryItem {
    tags = List.copyOf(tags);
  }
}
