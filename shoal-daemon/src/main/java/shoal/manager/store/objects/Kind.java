package shoal.manager.store.objects;

/** The kinds of objects the store holds; some keep their names unique (case-insensitively). */
public enum Kind {
  CLUSTER(ClusterObject.class, true),
  NODE(NodeObject.class, false),
  SERVICE(ServiceObject.class, true),
  TASK(TaskObject.class, false),
  NETWORK(NetworkObject.class, true),
  ATTACHMENT(AttachmentObject.class, false);

  private final Class<? extends StoreObject> type;
  private final boolean uniqueNames;

  Kind(Class<? extends StoreObject> type, boolean uniqueNames) {
    this.type = type;
    this.uniqueNames = uniqueNames;
  }

  public Class<? extends StoreObject> type() {
    return type;
  }

  /** Whether two objects of this kind may not share a name. */
  public boolean uniqueNames() {
    return uniqueNames;
  }

  /** Lower-case word for messages: "node", "service". */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Kind of(StoreObject object) {
    return switch (object) {
      case ClusterObject c -> CLUSTER;
      case NodeObject n -> NODE;
      case ServiceObject s -> SERVICE;
      case TaskObject t -> TASK;
      case NetworkObject n -> NETWORK;
      case AttachmentObject a -> ATTACHMENT;
    };
  }
}
