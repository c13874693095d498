package shoal.manager.store.objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * What the user asked a service to be (`service create`/`update`), after Docker's {@code
 * ServiceSpec}. The Engine API maps it almost field for field; durations are {@link
 * java.time.Duration}s here and nanoseconds at the API (see each part).
 *
 * @param name the service's name, unique among services
 * @param labels the service's labels (not its containers', see {@link ContainerSpec#labels})
 * @param taskTemplate what each task runs; a change makes the service's tasks out of date, so the
 *     updater replaces them
 * @param mode replicated with a number of replicas, or global (one task per eligible node)
 * @param updateConfig how the updater rolls out a new task template
 * @param rollbackConfig how the updater rolls back to the previous spec
 * @param endpointSpec how the service is reached (issue 6: VIP or DNS round robin, ports)
 */
public record ServiceSpec(
    String name, Map<String, String> labels, TaskTemplate taskTemplate, Mode mode,
    UpdateConfig updateConfig, UpdateConfig rollbackConfig, EndpointSpec endpointSpec) {
  public ServiceSpec {
    name = name == null ? "" : name;
    labels = Labels.copy(labels);
    taskTemplate = taskTemplate == null ? TaskTemplate.of(ContainerSpec.of("")) : taskTemplate;
    mode = mode == null ? Mode.replicated(1) : mode;
    updateConfig = updateConfig == null ? UpdateConfig.defaults() : updateConfig;
    rollbackConfig = rollbackConfig == null ? UpdateConfig.defaults() : rollbackConfig;
    endpointSpec = endpointSpec == null ? EndpointSpec.defaults() : endpointSpec;
  }

  /** A spec with Docker's defaults: one replica, the default update, rollback and endpoint. */
  public static ServiceSpec of(String name, TaskTemplate taskTemplate) {
    return new ServiceSpec(name, Map.of(), taskTemplate, null, null, null, null);
  }

  public ServiceSpec withName(String name) {
    return new ServiceSpec(name, labels, taskTemplate, mode, updateConfig, rollbackConfig,
        endpointSpec);
  }

  public ServiceSpec withLabels(Map<String, String> labels) {
    return new ServiceSpec(name, labels, taskTemplate, mode, updateConfig, rollbackConfig,
        endpointSpec);
  }

  public ServiceSpec withTaskTemplate(TaskTemplate taskTemplate) {
    return new ServiceSpec(name, labels, taskTemplate, mode, updateConfig, rollbackConfig,
        endpointSpec);
  }

  public ServiceSpec withMode(Mode mode) {
    return new ServiceSpec(name, labels, taskTemplate, mode, updateConfig, rollbackConfig,
        endpointSpec);
  }

  public ServiceSpec withUpdateConfig(UpdateConfig updateConfig) {
    return new ServiceSpec(name, labels, taskTemplate, mode, updateConfig, rollbackConfig,
        endpointSpec);
  }

  public ServiceSpec withRollbackConfig(UpdateConfig rollbackConfig) {
    return new ServiceSpec(name, labels, taskTemplate, mode, updateConfig, rollbackConfig,
        endpointSpec);
  }

  public ServiceSpec withEndpointSpec(EndpointSpec endpointSpec) {
    return new ServiceSpec(name, labels, taskTemplate, mode, updateConfig, rollbackConfig,
        endpointSpec);
  }

  /**
   * How many tasks a service wants. Docker's API: {@code {"Replicated":{"Replicas":3}}} or {@code
   * {"Global":{}}}.
   *
   * @param replicas the number of slots of a replicated service (0 for global)
   */
  public record Mode(Type type, long replicas) {
    public enum Type {
      /** {@code replicas} slots, numbered 1..replicas, placed by the scheduler. */
      REPLICATED,
      /** One task on every node that can take it (ready, not drained, constraints met). */
      GLOBAL
    }

    public Mode {
      type = type == null ? Type.REPLICATED : type;
      if (replicas < 0) {
        throw new IllegalArgumentException("replicas must not be negative: " + replicas);
      }
      replicas = type == Type.GLOBAL ? 0 : replicas;
    }

    public static Mode replicated(long replicas) {
      return new Mode(Type.REPLICATED, replicas);
    }

    public static Mode global() {
      return new Mode(Type.GLOBAL, 0);
    }

    @JsonIgnore
    public boolean isGlobal() {
      return type == Type.GLOBAL;
    }
  }
}
