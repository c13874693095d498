package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import shoal.cli.api.ApiException;
import shoal.cli.api.EngineClient;
import shoal.cli.api.Paths;
import shoal.cli.json.Jv;

/**
 * What docker's client does before it creates or updates a service's image unless
 * {@code --no-resolve-image}: asks the daemon for the image's registry digest and platforms,
 * pins the image to the digest and the tasks to the platforms; when the daemon cannot tell, the
 * image stays as given and the user is warned.
 */
final class ImageDigest {
  private ImageDigest() {}

  /** Updates {@code taskTemplate} in place; returns the warning to print, if any. */
  @SuppressWarnings("unchecked")
  static Optional<String> pin(EngineClient api, Map<String, Object> taskTemplate) {
    Map<String, Object> container = (Map<String, Object>) taskTemplate.get("ContainerSpec");
    String image = Jv.str(container, "Image");
    Object inspect;
    try {
      inspect = api.get("/distribution/" + Paths.seg(image) + "/json", null);
    } catch (ApiException e) {
      return Optional.of(warning(image));
    }
    String digest = Jv.str(inspect, "Descriptor", "digest");
    if (!digest.isEmpty() && !image.contains("@")) {
      container.put("Image", familiar(image) + "@" + digest);
    }
    List<Map<String, Object>> platforms = new ArrayList<>();
    for (Object p : Jv.list(inspect, "Platforms")) {
      Map<String, Object> platform = new LinkedHashMap<>();
      String arch = Jv.str(p, "architecture");
      // "arm" images run on armv7l nodes, which a strict match would refuse (as docker does)
      platform.put("Architecture", arch.toLowerCase(Locale.ROOT).equals("arm") ? "" : arch);
      platform.put("OS", Jv.str(p, "os"));
      platforms.add(platform);
    }
    if (!platforms.isEmpty()) {
      Object placement = taskTemplate.computeIfAbsent("Placement", k -> new LinkedHashMap<String, Object>());
      ((Map<String, Object>) placement).put("Platforms", platforms);
    }
    return Optional.empty();
  }

  static String warning(String image) {
    return "image " + image + " could not be accessed on a registry to record\n"
        + "its digest. Each node will access " + image + " independently,\n"
        + "possibly leading to different nodes running different\n"
        + "versions of the image.\n";
  }

  private static String familiar(String image) {
    for (String prefix : List.of("docker.io/library/", "index.docker.io/library/", "docker.io/", "index.docker.io/")) {
      if (image.startsWith(prefix)) {
        return image.substring(prefix.length());
      }
    }
    return image;
  }
}
