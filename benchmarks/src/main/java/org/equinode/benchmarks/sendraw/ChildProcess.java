package org.equinode.benchmarks.sendraw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node started as a child process, its output going to a log file, stopped by its own PID: a
 * polite stop first (SIGTERM, or the node's {@code stop} call), then SIGKILL after a grace period.
 */
final class ChildProcess {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(String name, List<String> command, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    try {
      return new ChildProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** Fails when the process has died (while the caller waits for it to come up). */
  void expectAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " (pid " + pid() + ") exited with " + process.exitValue() + "; see " + log);
    }
  }

  /** Waits up to {@code grace} for the process to end by itself; answers whether it did. */
  boolean awaitExit(Duration grace) {
    try {
      return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM to this PID, then SIGKILL to it if it is still running after {@code grace}. */
  void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!awaitExit(grace)) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(5));
    }
  }
}
