package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/** Task {@code download} (queue emo-cpu): fetch, verify, store once under its content digest. */
@ActivityInterface
public interface DownloadActivity {
  DatasetRef download(DownloadInput input);
}
