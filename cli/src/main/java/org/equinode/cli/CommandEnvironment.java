package org.equinode.cli;

import java.nio.file.Path;
import org.equinode.common.TimeSource;

/**
 * What commands take from the process around them, passed in so that tests can run many commands in
 * one JVM with their own home folder and clock.
 *
 * @param home the user's home folder, under which the default data directories live
 * @param time the clock
 */
public record CommandEnvironment(Path home, TimeSource time) {
  /** The real user's home and the system clock. */
  public static CommandEnvironment system() {
    return new CommandEnvironment(Path.of(System.getProperty("user.home")), TimeSource.system());
  }
}
