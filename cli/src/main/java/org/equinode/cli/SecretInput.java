package org.equinode.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a command reads secrets (recovery words, passphrases): the terminal, without echo, or
 * standard input line by line when it is not a terminal (a pipe or a file, for scripts). Never the
 * command line, which other users of the machine can read in {@code ps}.
 */
public interface SecretInput {
  /** True when reading from a terminal: prompts are shown and nothing typed is echoed. */
  boolean isTerminal();

  /**
   * The next line, after showing {@code prompt} on a terminal; empty at the end of the input. The
   * caller wipes the characters when done.
   */
  Optional<char[]> readLine(String prompt);

  /**
   * The next line, or a {@link CliException} saying that the input ended before {@code what}, and
   * then {@code outcome} ("nothing was restored").
   */
  default char[] require(String prompt, String what, String outcome) {
    return readLine(prompt)
        .orElseThrow(
            () ->
                new CliException(
                    (isTerminal() ? "the terminal" : "standard input")
                        + " ended before "
                        + what
                        + "; "
                        + outcome));
  }

  /**
   * A new passphrase: typed twice on a terminal (the two must match), one line from a stream. Empty
   * for none.
   *
   * @throws CliException if the input ends first or the two differ, with {@code outcome}
   */
  default char[] newPassphrase(String prompt, String outcome) {
    char[] passphrase = require(prompt, "the wallet passphrase", outcome);
    if (isTerminal()) {
      char[] again = require("The passphrase again: ", "the passphrase again", outcome);
      boolean same = Arrays.equals(passphrase, again);
      Arrays.fill(again, '\0');
      if (!same) {
        Arrays.fill(passphrase, '\0');
        throw new CliException("the two passphrases differ; " + outcome);
      }
    }
    return passphrase;
  }

  /** The process's terminal if it has one, else its standard input. */
  @SuppressWarnings("SystemConsoleNull") // null on JDK 21; isTerminal() checked where it exists
  static SecretInput system() {
    Console console = System.console();
    return console != null && Terminal.isTerminal(console)
        ? new Terminal(console)
        : lines(System.in);
  }

  /** Lines of {@code in}, UTF-8, no prompts: standard input that is not a terminal. */
  static SecretInput lines(InputStream in) {
    return new Lines(in);
  }

  /** A terminal: {@link Console#readPassword} shows the prompt and turns echo off. */
  final class Terminal implements SecretInput {
    private final Console console;

    Terminal(Console console) {
      this.console = console;
    }

    /**
     * {@code Console.isTerminal()} (JDK 22+, where a console exists even for redirected streams);
     * true on JDK 21, whose console exists only for a terminal.
     */
    static boolean isTerminal(Console console) {
      try {
        return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(console));
      } catch (ReflectiveOperationException e) {
        return true;
      }
    }

    @Override
    public boolean isTerminal() {
      return true;
    }

    @Override
    public Optional<char[]> readLine(String prompt) {
      return Optional.ofNullable(console.readPassword("%s", prompt));
    }
  }

  /** A stream read line by line; the reader is made on the first read. */
  final class Lines implements SecretInput {
    private final InputStream in;
    private @Nullable BufferedReader reader;

    Lines(InputStream in) {
      this.in = in;
    }

    @Override
    public boolean isTerminal() {
      return false;
    }

    @Override
    public synchronized Optional<char[]> readLine(String prompt) {
      BufferedReader lines = reader;
      if (lines == null) {
        lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader = lines;
      }
      try {
        return Optional.ofNullable(lines.readLine()).map(String::toCharArray);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
      }
    }
  }
}
