package shoal.runtime.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import shoal.errors.ConflictException;
import shoal.events.Event;

/**
 * One {@code docker rmi}, by Docker's rules:
 *
 * <ul>
 *   <li>By tag: the tag goes. If it was the image's last tag, the image goes too — unless a
 *       container uses it, which only {@code force} overrides.
 *   <li>By ID: an image with one tag loses it and goes; one with several needs {@code force}.
 *   <li>An image a running container uses never goes; one that only stopped containers use goes
 *       with {@code force}, but stays on disk, out of sight, until they are gone.
 * </ul>
 *
 * Runs under the store's lock; the events it collects are published after.
 */
final class ImageRemoval {
  private final ImageStore store;
  private final ImageStore.Stored image;
  private final ImageUsage usage;
  private final List<Event> events;
  private final List<DeleteResult> out = new ArrayList<>();

  ImageRemoval(ImageStore store, ImageStore.Stored image, ImageUsage usage, List<Event> events) {
    this.store = store;
    this.image = image;
    this.usage = usage;
    this.events = events;
  }

  List<DeleteResult> run(String reference, boolean force) throws IOException {
    String id = image.id();
    List<String> tags = store.tags().tagsOf(id);
    if (!ImageRefs.isIdReference(reference, id)) {
      String tag = Reference.parse(reference).withDefaultTag().familiarString();
      if (!force && tags.size() == 1) {
        List<String> users = usage.containersUsing(id);
        if (!users.isEmpty()) {
          throw new ConflictException(
              "conflict: unable to remove repository reference \"" + reference + "\" (must force) - container "
                  + shortId(users.getFirst()) + " is using its referenced image " + shortId(id));
        }
      }
      untag(tag);
      if (!store.tags().tagsOf(id).isEmpty()) {
        return out;
      }
    } else if (tags.size() == 1) {
      checkConflicts(force, false);
      untag(tags.getFirst());
    }
    checkConflicts(force, true);
    for (String t : store.tags().tagsOf(id)) {
      untag(t);
    }
    out.add(DeleteResult.deleted(id));
    events.add(store.event("delete", id, id));
    if (!usage.containersUsing(id).isEmpty()) {
      store.retain(image);
    } else {
      for (String layer : store.deleteImage(image)) {
        out.add(DeleteResult.deleted(layer));
      }
    }
    return out;
  }

  /**
   * Running containers are a hard conflict; without force, so are stopped containers and (when
   * {@code tagsCount}) tags still on the image.
   */
  private void checkConflicts(boolean force, boolean tagsCount) {
    String id = image.id();
    List<String> running = usage.runningContainersUsing(id);
    if (!running.isEmpty()) {
      throw conflict(true, "image is being used by running container " + shortId(running.getFirst()));
    }
    if (force) {
      return;
    }
    if (tagsCount && !store.tags().tagsOf(id).isEmpty()) {
      throw conflict(false, "image is referenced in multiple repositories");
    }
    List<String> users = usage.containersUsing(id);
    if (!users.isEmpty()) {
      throw conflict(false, "image is being used by stopped container " + shortId(users.getFirst()));
    }
  }

  private ConflictException conflict(boolean hard, String why) {
    return new ConflictException(
        "conflict: unable to delete " + shortId(image.id()) + " (" + (hard ? "cannot be forced" : "must be forced")
            + ") - " + why);
  }

  private void untag(String tag) throws IOException {
    store.tags().remove(tag);
    out.add(DeleteResult.untagged(tag));
    events.add(store.event("untag", image.id(), image.id()));
  }

  private static String shortId(String id) {
    String hex = id.startsWith(Digests.SHA256) ? id.substring(Digests.SHA256.length()) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }
}
