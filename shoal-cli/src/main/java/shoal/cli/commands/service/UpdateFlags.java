package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags only {@code service update} has: what to add to or remove from the current spec. */
public final class UpdateFlags {
  @Option(names = "--image", paramLabel = "string", description = "Service image tag")
  String image;

  @Option(names = "--args", paramLabel = "command", description = "Service command args")
  String args;

  @Option(names = "--rollback", description = "Rollback to previous specification")
  boolean rollback;

  @Option(names = "--force", description = "Force update even if no changes require it")
  boolean force;

  @Option(names = "--env-add", paramLabel = "list", description = "Add or update an environment variable")
  List<String> envAdd = new ArrayList<>();

  @Option(names = "--env-rm", paramLabel = "list", description = "Remove an environment variable")
  List<String> envRm = new ArrayList<>();

  @Option(names = "--label-add", paramLabel = "list", description = "Add or update a service label")
  List<String> labelAdd = new ArrayList<>();

  @Option(names = "--label-rm", paramLabel = "list", description = "Remove a label by its key")
  List<String> labelRm = new ArrayList<>();

  @Option(names = "--container-label-add", paramLabel = "list", description = "Add or update a container label")
  List<String> containerLabelAdd = new ArrayList<>();

  @Option(names = "--container-label-rm", paramLabel = "list", description = "Remove a container label by its key")
  List<String> containerLabelRm = new ArrayList<>();

  @Option(names = "--constraint-add", paramLabel = "list", description = "Add or update a placement constraint")
  List<String> constraintAdd = new ArrayList<>();

  @Option(names = "--constraint-rm", paramLabel = "list", description = "Remove a constraint")
  List<String> constraintRm = new ArrayList<>();

  @Option(names = "--placement-pref-add", paramLabel = "pref", description = "Add a placement preference")
  List<String> placementPrefAdd = new ArrayList<>();

  @Option(names = "--placement-pref-rm", paramLabel = "pref", description = "Remove a placement preference")
  List<String> placementPrefRm = new ArrayList<>();

  @Option(names = "--publish-add", paramLabel = "port", converter = Publish.Converter.class, description = "Add or update a published port")
  List<Publish> publishAdd = new ArrayList<>();

  @Option(names = "--publish-rm", paramLabel = "port", converter = Publish.Converter.class, description = "Remove a published port by its target port")
  List<Publish> publishRm = new ArrayList<>();

  @Option(names = "--network-add", paramLabel = "network", converter = NetworkAttachment.Converter.class, description = "Add a network")
  List<NetworkAttachment> networkAdd = new ArrayList<>();

  @Option(names = "--network-rm", paramLabel = "list", description = "Remove a network")
  List<String> networkRm = new ArrayList<>();
}
