package shoal.swarm;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import shoal.errors.ConflictException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.manager.dispatcher.LogFeed;
import shoal.manager.store.AlreadyExistsException;
import shoal.manager.store.Store;
import shoal.manager.store.StoreException;
import shoal.manager.store.Tx;
import shoal.manager.store.objects.Ids;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.proto.LogSelector;
import shoal.runtime.container.NameGenerator;

/**
 * {@code /services} on a manager: list (with the running and desired task counts), inspect,
 * create, update or roll back, remove, and the services' logs. The orchestrator turns what is
 * written here into tasks.
 */
public final class ServiceControl {
  /** swarmkit's answer to an update carrying a stale version, as Docker passes it on. */
  static final String OUT_OF_SEQUENCE = "rpc error: code = Unknown desc = update out of sequence";

  private final Store store;
  private final Function<LogSelector, LogFeed> logs;
  private final Clock clock;

  ServiceControl(Store store, Function<LogSelector, LogFeed> logs, Clock clock) {
    this.store = store;
    this.logs = logs;
    this.clock = clock;
  }

  /** A service as {@code GET /services} lists it: with its status when asked for. */
  public record Listed(ServiceObject service, ServiceStatus status) {}

  public List<Listed> list(ServiceFilter filter, boolean withStatus) {
    return StoreCalls.read(store, tx -> {
      List<ServiceObject> services = tx.services().list(filter::matches);
      if (!withStatus) {
        return services.stream().map(s -> new Listed(s, null)).toList();
      }
      Map<String, ServiceStatus> status = status(tx, services);
      return services.stream().map(s -> new Listed(s, status.get(s.id()))).toList();
    });
  }

  /**
   * Docker's counts: running tasks on nodes that are not down, against the replicas (or, global,
   * the tasks meant to run).
   */
  private static Map<String, ServiceStatus> status(Tx tx, List<ServiceObject> services) {
    Set<String> ids = new HashSet<>();
    services.forEach(s -> ids.add(s.id()));
    Set<String> down = new HashSet<>();
    tx.nodes().list(n -> n.status().state() == NodeObject.State.DOWN).forEach(n -> down.add(n.id()));
    Map<String, long[]> counts = new HashMap<>();
    for (TaskObject t : tx.tasks().list(t -> ids.contains(t.serviceId()) && t.desiredState() == TaskState.RUNNING)) {
      long[] c = counts.computeIfAbsent(t.serviceId(), x -> new long[2]);
      c[1]++;
      if (t.status().state() == TaskState.RUNNING && !down.contains(t.nodeId())) {
        c[0]++;
      }
    }
    Map<String, ServiceStatus> out = new HashMap<>();
    for (ServiceObject s : services) {
      long[] c = counts.getOrDefault(s.id(), new long[2]);
      out.put(s.id(), new ServiceStatus(c[0], s.spec().mode().isGlobal() ? c[1] : s.spec().mode().replicas(), 0));
    }
    return out;
  }

  /** A service by ID, name or unique ID prefix. */
  public ServiceObject get(String ref) {
    return StoreCalls.read(store, tx -> resolve(tx, ref));
  }

  static ServiceObject resolve(Tx tx, String ref) {
    if (ref == null || ref.isBlank()) {
      throw new InvalidArgumentException("a service ID, name or ID prefix is required");
    }
    var exact = tx.services().find(ref);
    if (exact.isPresent()) {
      return exact.get();
    }
    List<ServiceObject> byName = tx.services().list(s -> s.spec().name().equals(ref));
    List<ServiceObject> found = byName.isEmpty() ? tx.services().list(s -> s.id().startsWith(ref)) : byName;
    if (found.isEmpty()) {
      throw new NotFoundException("service " + ref + " not found");
    }
    if (found.size() > 1) {
      throw new InvalidArgumentException("service " + ref + " is ambiguous (" + found.size() + " matches found)");
    }
    return found.getFirst();
  }

  /** {@code service create}: a spec without a name gets a generated one, as Docker does. Returns the ID. */
  public String create(ServiceSpec spec) {
    ServiceSpec named = spec;
    if (spec.name().isEmpty()) {
      Set<String> taken = new HashSet<>();
      StoreCalls.read(store, tx -> tx.services().list()).forEach(s -> taken.add(s.spec().name()));
      named = spec.withName(new NameGenerator(new SecureRandom()).generate(taken::contains));
    }
    ServiceRules.check(named);
    ServiceObject s = ServiceObject.of(Ids.newId(), named);
    try {
      store.update(tx -> {
        tx.services().create(s.withSpec(ServiceNetworks.resolve(tx, s.spec())));
        return null;
      });
    } catch (AlreadyExistsException e) {
      throw new ConflictException("rpc error: code = AlreadyExists desc = name conflicts with an existing object: service "
          + named.name() + " already exists", e);
    } catch (StoreException e) {
      throw StoreErrors.map(e);
    }
    return s.id();
  }

  /**
   * {@code service update}: the new spec if the service is still at {@code version}; with {@code
   * rollback}, the previous spec instead (the body's spec is then ignored, as in Docker).
   */
  public void update(String ref, long version, ServiceSpec spec, boolean rollback) {
    StoreCalls.write(store, tx -> {
      ServiceObject s = resolve(tx, ref);
      if (s.meta().version() != version) {
        throw new ConflictException(OUT_OF_SEQUENCE);
      }
      ServiceObject next;
      if (rollback) {
        if (s.previousSpec() == null) {
          throw new InvalidArgumentException("rpc error: code = FailedPrecondition desc = service " + s.id()
              + " does not have a previous spec");
        }
        next = s.rolledBack(clock.instant());
      } else {
        ServiceRules.check(spec);
        ServiceRules.checkUpdate(s, spec);
        next = s.updatedTo(ServiceNetworks.resolve(tx, spec));
      }
      tx.services().update(next);
      return null;
    });
  }

  /** {@code service rm}: the orchestrator then removes its tasks. */
  public void remove(String ref) {
    StoreCalls.write(store, tx -> {
      tx.services().delete(resolve(tx, ref).id());
      return null;
    });
  }

  /** The logs of the given services' and tasks' containers, from every node that ran them. */
  public LogFeed logs(LogSelector selector) {
    return logs.apply(selector);
  }
}
