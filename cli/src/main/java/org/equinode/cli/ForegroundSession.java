package org.equinode.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.session.TorrentSession;
import org.equinode.torrent.session.TorrentStatus;

/**
 * Runs a torrent session in the foreground of a command: a progress line on standard error every
 * second, until every wanted piece is verified or, when seeding, until Ctrl-C (a shutdown hook
 * closes the session, which records what is complete) or an interrupt of the command's thread.
 */
final class ForegroundSession {
  /** How often the progress line is redrawn. */
  static final Duration REFRESH = Duration.ofSeconds(1);

  /** When the command returns. */
  enum Until {
    /** Once every wanted piece is verified. */
    COMPLETE,
    /** When stopped: Ctrl-C, SIGTERM, or an interrupt. */
    STOPPED
  }

  private ForegroundSession() {}

  /** A pool for disk I/O and hashing, one thread per core. */
  static ExecutorService diskPool() {
    return Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors(),
        Thread.ofPlatform().name("equinode-disk-", 0).daemon(true).factory());
  }

  /**
   * Shows progress until {@code until}; {@code onComplete} hears the status once the download is
   * complete. Closes the session before returning. Returns the exit code.
   *
   * @throws TorrentException if the torrent stops on an error
   */
  static int run(
      TorrentSession session, Until until, PrintWriter err, Consumer<TorrentStatus> onComplete) {
    AtomicBoolean stopping = new AtomicBoolean();
    Thread hook =
        new Thread(
            () -> {
              stopping.set(true);
              session.close();
            },
            "equinode-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    CompletableFuture<Void> complete = session.whenComplete();
    boolean reported = false;
    try {
      while (true) {
        try {
          complete.get(REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          // Time to redraw.
        } catch (ExecutionException e) {
          if (stopping.get()) {
            return 0;
          }
          err.println();
          Throwable cause = e.getCause() == null ? e : e.getCause();
          throw new TorrentException(String.valueOf(cause.getMessage()), cause);
        }
        TorrentStatus status = session.status();
        err.print("\r" + ProgressLine.of(status) + "   ");
        err.flush();
        if (complete.isDone() && !reported) {
          reported = true;
          err.println();
          onComplete.accept(status);
          if (until == Until.COMPLETE) {
            return 0;
          }
        }
        if (reported) {
          Thread.sleep(REFRESH.toMillis());
        }
      }
    } catch (InterruptedException e) {
      err.println();
      return 0;
    } finally {
      session.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running; it closes the session, which is closed already.
      }
      err.flush();
    }
  }
}
