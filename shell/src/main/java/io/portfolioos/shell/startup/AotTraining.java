package io.portfolioos.shell.startup;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Ends the JVM's AOT training run (JEP 514) while the app keeps running. {@code ./portfolioos}
 * starts the first desktop session with {@code -XX:AOTCacheOutput} and {@code
 * -Dportfolioos.aot.training=true}; later starts load the cache with {@code -XX:AOTCache}. A JVM
 * writes that cache at exit, but Chromium ends this process from native code, so the exit never
 * gets there: the recording is ended from inside instead, through the {@code AOT.end_recording}
 * diagnostic command, once the window has shown the dashboard.
 */
public final class AotTraining {
  private static final Logger LOG = Logger.getLogger(AotTraining.class.getName());

  private AotTraining() {}

  /** In a training run, ends the recording {@code after} from now; otherwise does nothing. */
  public static void endAfter(Duration after) {
    if (!Boolean.getBoolean("portfolioos.aot.training")) {
      return;
    }
    Thread.ofPlatform()
        .name("aot-training")
        .daemon()
        .start(
            () -> {
              try {
                Thread.sleep(after);
                ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "aotEndRecording",
                        new Object[0],
                        new String[0]);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (JMException | RuntimeException e) {
                LOG.log(Level.WARNING, "could not write the start-up cache: " + e.getMessage());
              }
            });
  }
}
