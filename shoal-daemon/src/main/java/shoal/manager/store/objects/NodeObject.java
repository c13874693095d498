package shoal.manager.store.objects;

import java.util.Map;

/**
 * A node of the swarm.
 *
 * @param spec what the user asked for (`node update`)
 * @param role the role the node has now (spec.desiredRole is the one asked for)
 * @param status what the dispatcher last saw of the node
 * @param description what the node reported about itself when it registered
 * @param managerStatus the node's place in the Raft group, or null for a worker
 * @param certificate the node's certificate and where its issuance stands
 */
public record NodeObject(
    String id, Meta meta, Spec spec, Role role, Status status, Description description,
    ManagerStatus managerStatus, Certificate certificate)
    implements StoreObject {

  public NodeObject {
    meta = Meta.orNone(meta);
    spec = spec == null ? new Spec(null, null, null, null) : spec;
    role = role == null ? Role.WORKER : role;
    status = status == null ? new Status(State.UNKNOWN, "", "") : status;
    description = description == null ? new Description(null, null, null, null) : description;
    certificate = certificate == null ? new Certificate(null, null, null, null, null, null) : certificate;
  }

  @Override
  public NodeObject withMeta(Meta meta) {
    return new NodeObject(id, meta, spec, role, status, description, managerStatus, certificate);
  }

  public NodeObject withSpec(Spec spec) {
    return new NodeObject(id, meta, spec, role, status, description, managerStatus, certificate);
  }

  public NodeObject withRole(Role role) {
    return new NodeObject(id, meta, spec, role, status, description, managerStatus, certificate);
  }

  public NodeObject withStatus(Status status) {
    return new NodeObject(id, meta, spec, role, status, description, managerStatus, certificate);
  }

  public NodeObject withDescription(Description description) {
    return new NodeObject(id, meta, spec, role, status, description, managerStatus, certificate);
  }

  public NodeObject withManagerStatus(ManagerStatus managerStatus) {
    return new NodeObject(id, meta, spec, role, status, description, managerStatus, certificate);
  }

  public NodeObject withCertificate(Certificate certificate) {
    return new NodeObject(id, meta, spec, role, status, description, managerStatus, certificate);
  }

  public enum Role { WORKER, MANAGER }

  public enum Availability { ACTIVE, PAUSE, DRAIN }

  public enum State { UNKNOWN, DOWN, READY, DISCONNECTED }

  public enum Reachability { UNKNOWN, UNREACHABLE, REACHABLE }

  public enum CertificateState { PENDING, RENEW, ISSUED, FAILED, ROTATE }

  /** @param name the name the user gave (empty: the hostname shows) */
  public record Spec(
      String name, Map<String, String> labels, Role desiredRole, Availability availability) {
    public Spec {
      name = name == null ? "" : name;
      labels = Labels.copy(labels);
      desiredRole = desiredRole == null ? Role.WORKER : desiredRole;
      availability = availability == null ? Availability.ACTIVE : availability;
    }

    public Spec withName(String name) {
      return new Spec(name, labels, desiredRole, availability);
    }

    public Spec withLabels(Map<String, String> labels) {
      return new Spec(name, labels, desiredRole, availability);
    }

    public Spec withDesiredRole(Role desiredRole) {
      return new Spec(name, labels, desiredRole, availability);
    }

    public Spec withAvailability(Availability availability) {
      return new Spec(name, labels, desiredRole, availability);
    }
  }

  /** @param addr the address the node's session comes from */
  public record Status(State state, String message, String addr) {
    public Status {
      state = state == null ? State.UNKNOWN : state;
      message = message == null ? "" : message;
      addr = addr == null ? "" : addr;
    }
  }

  public record Description(
      String hostname, Platform platform, Resources resources, String engineVersion) {
    public Description {
      hostname = hostname == null ? "" : hostname;
      platform = platform == null ? new Platform("", "") : platform;
      resources = resources == null ? new Resources(0, 0) : resources;
      engineVersion = engineVersion == null ? "" : engineVersion;
    }
  }

  /** @param architecture e.g. x86_64 @param os e.g. linux */
  public record Platform(String architecture, String os) {}

  public record Resources(long nanoCpus, long memoryBytes) {}

  /**
   * @param raftId the node's Raft peer id (Shoal uses the node ID)
   * @param addr the Raft address other managers dial (host:2378)
   */
  public record ManagerStatus(String raftId, String addr, Reachability reachability, boolean leader) {
    public ManagerStatus {
      reachability = reachability == null ? Reachability.UNKNOWN : reachability;
    }
  }

  /**
   * @param role the role the certificate carries
   * @param csrPem the request the node sent
   * @param certPem the issued certificate
   * @param cn the certificate's common name (the node ID)
   * @param error why issuance failed, when state is FAILED
   */
  public record Certificate(
      Role role, String csrPem, CertificateState state, String certPem, String cn, String error) {
    public Certificate {
      state = state == null ? CertificateState.PENDING : state;
    }
  }
}
