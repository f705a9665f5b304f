package io.ledgerline.platform.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/** A job of the outbox that runs on its own thread at a fixed delay while the service runs. */
abstract class Periodic implements SmartLifecycle {

  private final String threadName;
  private @Nullable ScheduledExecutorService scheduler;

  Periodic(String threadName) {
    this.threadName = threadName;
  }

  /** The wait before the first run and between runs. */
  abstract Duration initialDelay();

  abstract Duration interval();

  /** One run; must not throw (a failed run just waits for the next). */
  abstract void runOnce();

  @Override
  public synchronized void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, threadName));
    scheduler.scheduleWithFixedDelay(
        this::runOnce,
        initialDelay().toMillis(),
        Math.max(100, interval().toMillis()),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
