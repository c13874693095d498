package shoal.cli.commands.container;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.HttpResponse;
import shoal.cli.api.RequestBody;
import shoal.cli.api.EngineClient;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.format.JsonMessages;
import shoal.cli.json.Json;
import shoal.cli.json.Jv;

/** Container calls shared by run, create, start and exec. */
final class Containers {
  private Containers() {}

  record Created(String id, List<Object> warnings) {}

  /**
   * Creates a container. A missing image is pulled first as docker does (Shoal's daemon answers
   * the pull with what to do instead), then the create is tried again.
   */
  static Created create(EngineClient api, Map<String, Object> body, String name, PrintStream err) {
    String image = (String) body.get("Image");
    Object r;
    try {
      r = api.post("/containers/create", Query.of().addIfPresent("name", name), body);
    } catch (ApiException e) {
      if (!(e.isNotFound() && e.daemonMessage().startsWith("No such image"))) {
        throw e;
      }
      err.println("Unable to find image '" + withDefaultTag(image) + "' locally");
      pull(api, withDefaultTag(image), err);
      r = api.post("/containers/create", Query.of().addIfPresent("name", name), body);
    }
    List<Object> warnings = Jv.list(r, "Warnings");
    for (Object w : warnings) {
      err.println("WARNING: " + w);
    }
    return new Created(Jv.str(r, "Id"), warnings);
  }

  private static void pull(EngineClient api, String reference, PrintStream err) {
    int at = reference.indexOf('@');
    int split = at >= 0 ? at : reference.lastIndexOf(':');
    Query q = Query.of().add("fromImage", reference.substring(0, split)).add("tag", reference.substring(split + 1));
    try (HttpResponse r = api.call("POST", "/images/create", q, RequestBody.NONE)) {
      JsonMessages.display(r.body(), err, false);
    } catch (JsonMessages.StreamError e) {
      throw new ApiException(500, e.getMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Registers a wait before the container starts, so a fast exit is not missed: the daemon answers
   * the headers once the wait is in place (as dockerd does) and the body when the condition holds.
   */
  static HttpResponse registerWait(EngineClient api, String id, String condition) {
    return api.call("POST", "/containers/" + Paths.seg(id) + "/wait", Query.of().add("condition", condition), RequestBody.NONE);
  }

  /** The exit code the wait reports; a wait that failed is docker's 125. */
  static int exitCode(HttpResponse wait) {
    try (wait) {
      String body = wait.bodyText();
      Object r = Json.parse(body);
      String error = Jv.str(r, "Error", "Message");
      if (!error.isEmpty()) {
        throw new CliException(error, 125);
      }
      return (int) Jv.lng(r, "StatusCode");
    } catch (IOException | IllegalArgumentException e) {
      throw new CliException("error waiting for container: " + e.getMessage(), 125);
    }
  }

  static Map<String, Object> inspect(EngineClient api, String nameOrId) {
    return Jv.map(api.get("/containers/" + Paths.seg(nameOrId) + "/json", null));
  }

  /** {@code busybox} → {@code busybox:latest}; references with a tag or digest stay as they are. */
  static String withDefaultTag(String image) {
    int slash = image.lastIndexOf('/');
    String last = image.substring(slash + 1);
    if (last.contains(":") || image.contains("@")) {
      return image;
    }
    return image + ":latest";
  }
}
