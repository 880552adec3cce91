package org.equinode.cli;

/** A command that cannot go on, with a message for the user (the root of this module's errors). */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }
}
