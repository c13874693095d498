package shoal.manager.dispatcher;

import shoal.manager.store.objects.NodeObject;
import shoal.proto.NodeDescription;

/** What an agent says of itself, as the store keeps it. */
final class Descriptions {
  private Descriptions() {}

  static NodeObject.Description of(NodeDescription d) {
    return new NodeObject.Description(d.getHostname(),
        new NodeObject.Platform(d.getArchitecture(), d.getOs()),
        new NodeObject.Resources(d.getNanoCpus(), d.getMemoryBytes()),
        d.getEngineVersion());
  }
}
