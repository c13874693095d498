package shoal.lab.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test (on a method) or a test class (on the class; one lab shared by its tests) a fresh
 * lab with a unique name, injected as a {@link shoal.lab.Lab} parameter. Labs left by test JVMs
 * that crashed are removed first; the lab is torn down afterwards, also when the test fails.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LabExtension.class)
public @interface WithLab {
  /** How many hosts. */
  int nodes() default 3;

  /** The LAN. */
  String subnet() default "192.168.77.0/24";
}
