package shoal.runtime.image;

import java.util.List;

/**
 * Which containers use an image, so that {@code docker rmi} refuses to pull an image from under
 * them. The container side implements it and hands it to {@link ImageStore#setUsage}.
 */
public interface ImageUsage {
  /** Ids of the containers (running or not) created from the image {@code imageId} ("sha256:…"). */
  List<String> containersUsing(String imageId);

  /**
   * The running ones among them: removing their image cannot be forced. Until the container side
   * tells them apart, every user counts as running, which never removes an image from under a
   * running container.
   */
  default List<String> runningContainersUsing(String imageId) {
    return containersUsing(imageId);
  }
}
