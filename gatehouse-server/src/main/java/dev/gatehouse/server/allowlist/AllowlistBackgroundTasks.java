package dev.gatehouse.server.allowlist;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The serving node's periodic work: the policy version check, removal of expired entries and
 * flushing of blocked-attempt counts (also once more on shutdown). Not started by the command-line
 * tools, which serve no requests.
 */
@Component
@ConditionalOnWebApplication
class AllowlistBackgroundTasks implements SmartLifecycle {

  static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(5);

  /** How often blocked-attempt counts older than 30 days are deleted. */
  static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(AllowlistBackgroundTasks.class);

  private final PolicyCache policyCache;
  private final BlockedAttemptCounter blockedAttempts;
  private final AllowlistService service;
  private final AllowlistProperties properties;
  private final PolicyChangeChannel changes;
  private volatile ScheduledExecutorService executor;
  private volatile Thread listener;
  private volatile boolean versionCheckFailing;
  // Only the single task thread reads and writes it; the first run cleans up.
  private long lastCleanupNanos = System.nanoTime() - CLEANUP_INTERVAL.toNanos();

  AllowlistBackgroundTasks(
      PolicyCache policyCache,
      BlockedAttemptCounter blockedAttempts,
      AllowlistService service,
      AllowlistProperties properties,
      PolicyChangeChannel changes) {
    this.changes = changes;
    this.policyCache = policyCache;
    this.blockedAttempts = blockedAttempts;
    this.service = service;
    this.properties = properties;
  }

  @Override
  public void start() {
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "allowlist-tasks");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.versionCheckInterval().toMillis();
    started.scheduleWithFixedDelay(this::checkVersions, interval, interval, TimeUnit.MILLISECONDS);
    long housekeeping = HOUSEKEEPING_INTERVAL.toMillis();
    started.scheduleWithFixedDelay(
        this::housekeeping, housekeeping, housekeeping, TimeUnit.MILLISECONDS);
    executor = started;
    if (changes.isPostgres()) {
      Thread thread = new Thread(this::listenForChanges, "allowlist-listener");
      thread.setDaemon(true);
      listener = thread;
      thread.start();
    }
  }

  /**
   * Reloads each account another node announces. After (re)connecting, a full version check catches
   * whatever was announced while no connection was listening.
   */
  private void listenForChanges() {
    boolean failing = false;
    while (listener == Thread.currentThread()) {
      try (PolicyChangeChannel.Listener channel = changes.listen()) {
        policyCache.checkVersions();
        if (failing) {
          log.info("Listening for IP allowlist changes again");
          failing = false;
        }
        while (listener == Thread.currentThread()) {
          channel.await(500, policyCache::refresh);
        }
      } catch (Exception e) {
        if (listener != Thread.currentThread()) {
          return;
        }
        if (!failing) {
          log.warn("Not listening for IP allowlist changes; retrying: {}", e.toString());
          failing = true;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  @Override
  public void stop() {
    Thread listening = listener;
    listener = null;
    if (listening != null) {
      listening.interrupt();
    }
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdown();
      try {
        running.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    blockedAttempts.flush();
  }

  /**
   * Starts before and stops after the web server (whose lifecycles run at {@code DEFAULT_PHASE -
   * 1024} and {@code - 2048}), so refusals counted while requests drain are still flushed.
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  private void checkVersions() {
    try {
      policyCache.checkVersions();
      if (versionCheckFailing) {
        log.info("IP allowlist version check works again");
        versionCheckFailing = false;
      }
    } catch (RuntimeException e) {
      // Logged once per outage: the check runs every second.
      if (!versionCheckFailing) {
        log.warn("IP allowlist version check failed; retrying: {}", e.toString());
        versionCheckFailing = true;
      }
    }
  }

  private void housekeeping() {
    try {
      blockedAttempts.flush();
      long now = System.nanoTime();
      if (now - lastCleanupNanos >= CLEANUP_INTERVAL.toNanos()) {
        blockedAttempts.deleteOld();
        lastCleanupNanos = now;
      }
      for (long accountId : service.accountsWithExpiredEntries()) {
        service.removeExpired(accountId);
      }
    } catch (RuntimeException e) {
      log.warn("IP allowlist housekeeping failed; retrying: {}", e.toString());
    }
  }
}
