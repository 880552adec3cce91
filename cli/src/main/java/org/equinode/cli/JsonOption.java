package org.equinode.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --json} convention: a command that prints a result mixes this in and prints one JSON
 * value for scripts instead of its text for people.
 */
public final class JsonOption {
  @Option(names = "--json", description = "Print the result as JSON, for scripts.")
  boolean json;

  public boolean enabled() {
    return json;
  }
}
