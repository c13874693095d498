package shoal.lab.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import shoal.lab.Lab;

/** Makes and removes the labs of {@link WithLab}. */
public final class LabExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LabExtension.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** Closes the lab when JUnit closes the store of the context that made it. */
  private record LabResource(Lab lab) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() throws Exception {
      Lab.down(lab.name());
    }
  }

  @Override
  public void beforeAll(ExtensionContext ctx) throws Exception {
    Optional<WithLab> a = ctx.getTestClass().map(c -> c.getAnnotation(WithLab.class));
    if (a.isPresent()) {
      ctx.getStore(NS).put("lab", new LabResource(make(a.get())));
    }
  }

  @Override
  public void beforeEach(ExtensionContext ctx) throws Exception {
    Optional<WithLab> a = ctx.getTestMethod().map(m -> ((AnnotatedElement) m).getAnnotation(WithLab.class));
    if (a.isPresent()) {
      ctx.getStore(NS).put("lab", new LabResource(make(a.get())));
    }
  }

  private static Lab make(WithLab spec) throws Exception {
    Lab.removeOrphans();
    long pid = ProcessHandle.current().pid();
    String name = "t" + (pid % 100000) + "-" + COUNTER.incrementAndGet();
    return Lab.up(name, spec.nodes(), spec.subnet(), TestHosts.daemonCommand(), pid);
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
    return p.getParameter().getType() == Lab.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
    for (ExtensionContext c = ctx; c != null; c = c.getParent().orElse(null)) {
      LabResource r = c.getStore(NS).get("lab", LabResource.class);
      if (r != null) {
        return r.lab();
      }
    }
    throw new IllegalStateException("no lab here: annotate the test or its class with @WithLab");
  }
}
