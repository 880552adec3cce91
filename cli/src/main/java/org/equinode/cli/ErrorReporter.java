package org.equinode.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns failures into one clear line on standard error, with a stack trace only on request. */
final class ErrorReporter {
  /** The exit code of a command that failed. */
  static final int FAILED = 1;

  /** The exit code of a command line that could not be understood. */
  static final int USAGE = 2;

  private ErrorReporter() {}

  static int onBadCommandLine(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("equinode: " + e.getMessage());
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    return USAGE;
  }

  static int onFailure(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    err.println("equinode: " + describe(e));
    if (verboseIn(parseResult)) {
      e.printStackTrace(err);
    }
    return FAILED;
  }

  private static boolean verboseIn(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
