package org.equinode.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.equinode.common.TimeSource;
import org.equinode.testing.TestClock;

/** Runs {@code equinode} command lines in-process against a temporary home folder. */
final class CommandRunner {
  private final CommandEnvironment environment;

  CommandRunner(Path home) {
    this(home, TestClock.fixed());
  }

  /** A runner on another clock, such as the system's for commands that mine real blocks. */
  CommandRunner(Path home, TimeSource time) {
    this.environment = new CommandEnvironment(home, time);
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        EquinodeCommand.run(
            args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
    return new Result(code, out.toString(), err.toString());
  }

  /** Starts a command on a thread of its own; interrupting the thread stops a seeding command. */
  Running start(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread =
        Thread.ofPlatform()
            .name("equinode " + String.join(" ", args))
            .start(
                () ->
                    exit.complete(
                        EquinodeCommand.run(
                            args,
                            new PrintWriter(out, true),
                            new PrintWriter(err, true),
                            environment)));
    return new Running(thread, out, err, exit);
  }

  record Result(int exitCode, String out, String err) {}

  /** A command still running: its output so far, and its exit code once it ends. */
  record Running(
      Thread thread, StringWriter out, StringWriter err, CompletableFuture<Integer> exit) {}
}
