package org.emoaudionet.worker;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a task says: kept for its TaskState log (the API's logs endpoint) and the worker log. */
public final class TaskLog {
  private static final Logger LOG = LoggerFactory.getLogger("emo.task");
  private final String prefix;
  private final StringBuilder text = new StringBuilder();

  public TaskLog(String taskId, String dagId, String dagRunId, int attempt) {
    this.prefix = dagId + "/" + dagRunId + " " + taskId + " try " + attempt + ": ";
    say("attempt " + attempt);
  }

  public synchronized void say(String line) {
    text.append(Instant.now()).append(' ').append(line).append('\n');
    LOG.info(prefix + line);
  }

  public synchronized String text() {
    return text.toString();
  }
}
