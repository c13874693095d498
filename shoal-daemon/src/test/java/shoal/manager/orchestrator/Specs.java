package shoal.manager.orchestrator;

import java.time.Duration;
import java.util.List;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.RestartPolicy;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskTemplate;

/** Service specs for component tests. */
final class Specs {
  private Specs() {}

  /** busybox, {@code replicas} replicas, restarts without delay (tests wait for no timer). */
  static ServiceSpec replicated(String name, long replicas) {
    return ServiceSpec.of(name, TaskTemplate.of(ContainerSpec.of("busybox")
            .withArgs(List.of("sleep", "1d")))
            .withRestartPolicy(RestartPolicy.defaults().withDelay(Duration.ZERO)))
        .withMode(ServiceSpec.Mode.replicated(replicas));
  }

  static ServiceSpec global(String name) {
    return replicated(name, 0).withMode(ServiceSpec.Mode.global());
  }

  static ServiceSpec withImage(ServiceSpec spec, String image) {
    TaskTemplate t = spec.taskTemplate();
    return spec.withTaskTemplate(t.withContainerSpec(t.containerSpec().withImage(image)));
  }

  static ServiceSpec withRestart(ServiceSpec spec, RestartPolicy policy) {
    return spec.withTaskTemplate(spec.taskTemplate().withRestartPolicy(policy));
  }

  static ServiceSpec withConstraints(ServiceSpec spec, String... constraints) {
    TaskTemplate t = spec.taskTemplate();
    return spec.withTaskTemplate(t.withPlacement(t.placement().withConstraints(List.of(constraints))));
  }
}
