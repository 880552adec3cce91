package org.equinode.cli;

import java.io.InputStream;
import java.nio.file.Path;
import org.equinode.common.TimeSource;

/**
 * What commands take from the process around them, passed in so that tests can run many commands in
 * one JVM with their own home folder, clock and input.
 *
 * @param home the user's home folder, under which the default data directories live
 * @param time the clock
 * @param secrets where commands read recovery words and passphrases
 */
public record CommandEnvironment(Path home, TimeSource time, SecretInput secrets) {
  /** An environment with no input (reading a secret finds the end at once). */
  public CommandEnvironment(Path home, TimeSource time) {
    this(home, time, SecretInput.lines(InputStream.nullInputStream()));
  }

  /** The real user's home, the system clock, and the terminal (or standard input). */
  public static CommandEnvironment system() {
    return new CommandEnvironment(
        Path.of(System.getProperty("user.home")), TimeSource.system(), SecretInput.system());
  }
}
