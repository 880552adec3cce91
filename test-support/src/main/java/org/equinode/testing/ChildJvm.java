package org.equinode.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a {@code main} class of the test class path, for crash tests: the test waits
 * for a line on its standard output (a child says when it is ready), then {@link #kill}s it with
 * SIGKILL, as a power cut or the OOM killer would, with no shutdown hook run. Its standard error
 * goes to a file, read back in failure messages.
 */
public final class ChildJvm implements AutoCloseable {
  /** What the reader queues when the child's output ends. */
  private static final Optional<String> END = Optional.empty();

  private final Process process;
  private final Path errors;
  private final LinkedBlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();

  private ChildJvm(Process process, Path errors) {
    this.process = process;
    this.errors = errors;
    BufferedReader output = process.inputReader(StandardCharsets.UTF_8);
    // Killing a process closes its streams: a reader thread keeps every line read until then.
    Thread.ofVirtual()
        .name("child-output")
        .start(
            () -> {
              try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                  lines.add(Optional.of(line));
                }
              } catch (IOException e) {
                // closed by kill: what was read is all there is
              } finally {
                lines.add(END);
              }
            });
  }

  /**
   * Starts {@code main} with {@code args} on the java that runs the test, with its class path, a
   * quick-starting JIT and native access for RocksDB.
   *
   * @param errors the file that receives the child's standard error
   */
  public static ChildJvm start(Class<?> main, Path errors, String... args) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the test"));
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectError(errors.toFile())
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      return new ChildJvm(process, errors);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + main.getName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The child's next line of standard output, waiting at most {@code timeout}.
   *
   * @throws AssertionError naming {@code where} and quoting the child's standard error if the child
   *     ended or said nothing in time
   */
  public String awaitLine(Duration timeout, String where) throws InterruptedException {
    Optional<String> line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError(where + ": child said nothing in " + timeout + ": " + errors());
    }
    if (line.isEmpty()) {
      lines.add(END);
      throw new AssertionError(where + ": child ended: " + errors());
    }
    return line.get();
  }

  /** The lines the child wrote that were not awaited yet; call after {@link #kill}. */
  public List<String> remainingLines() throws InterruptedException {
    List<String> rest = new ArrayList<>();
    for (Optional<String> line = lines.take(); line.isPresent(); line = lines.take()) {
      rest.add(line.get());
    }
    lines.add(END);
    return rest;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the child wrote to its standard error so far. */
  public String errors() {
    try {
      return Files.exists(errors) ? Files.readString(errors) : "";
    } catch (IOException e) {
      return "(cannot read " + errors + ": " + e + ")";
    }
  }

  /** Kills the child with SIGKILL and waits until it is gone (an interrupt is kept for later). */
  public void kill() {
    process.destroyForcibly();
    boolean interrupted = false;
    while (true) {
      try {
        process.waitFor();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the child if it still runs. */
  @Override
  public void close() {
    kill();
  }
}
