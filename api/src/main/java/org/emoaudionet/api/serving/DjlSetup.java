package org.emoaudionet.api.serving;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * DJL reads its settings from system properties when its engine first starts; set them before
 * any model is opened, unless the JVM was started with them ({@code -D} wins): the PyTorch natives
 * come from the classpath (never a download), and inference uses a bounded number of threads so
 * that scoring does not starve the API's request threads.
 */
@ApplicationScoped
public class DjlSetup {
  private static final Logger LOG = Logger.getLogger(DjlSetup.class);

  @ConfigProperty(name = "emo.serving.torch-threads") int torchThreads;

  void onStart(@Observes StartupEvent event) {
    setIfAbsent("ai.djl.offline", "true");
    if (torchThreads > 0) {
      setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(torchThreads));
      setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }
    LOG.debugf("DJL: offline=%s, pytorch threads=%s", System.getProperty("ai.djl.offline"),
        System.getProperty("ai.djl.pytorch.num_threads", "default"));
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) System.setProperty(key, value);
  }
}
