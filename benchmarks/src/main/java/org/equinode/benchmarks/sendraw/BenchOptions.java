package org.equinode.benchmarks.sendraw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link SendRawBench}.
 *
 * @param txs transactions per timed cell (one node, one client count, one round)
 * @param clients concurrent clients of the concurrent cells
 * @param warmup transactions sent to each node before timing, at {@code clients} clients
 * @param warmupSeconds seconds of {@code testmempoolaccept} calls to each node before that
 * @param rounds how many times the sequential and concurrent cells are repeated
 * @param java the JVM that runs the Equinode node
 * @param equinodeJar the node's runnable jar
 * @param litecoind the litecoind binary
 * @param equinodeJvmOptions extra options for the node's JVM (for example a JFR recording)
 * @param timeout the whole run's bound: past it both nodes are stopped and the run fails
 * @param keep whether the data directories are kept (logs, JFR files)
 */
record BenchOptions(
    int txs,
    int clients,
    int warmup,
    int warmupSeconds,
    int rounds,
    Path java,
    Path equinodeJar,
    Path litecoind,
    List<String> equinodeJvmOptions,
    Duration timeout,
    boolean keep) {
  static final String USAGE =
      """
      usage: SendRawBench [--txs N=5000] [--clients C=4] [--warmup W=2000] [--warmup-seconds S=20]
                          [--rounds R=1]
                          [--equinode-jar cli/target/equinode.jar] [--java PATH] [--litecoind PATH]
                          [--equinode-jvm-option OPTION]... [--timeout-seconds S=900] [--keep]""";

  static BenchOptions parse(String[] args) {
    int txs = 5_000;
    int clients = 4;
    int warmup = 2_000;
    int warmupSeconds = 20;
    int rounds = 1;
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path jar = Path.of("cli", "target", "equinode.jar");
    Path litecoind = Path.of("/usr/bin/litecoind");
    List<String> jvmOptions = new ArrayList<>();
    long timeout = 900;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--keep")) {
        keep = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
      }
      String value = args[++i];
      switch (arg) {
        case "--txs" -> txs = positive(arg, value);
        case "--clients" -> clients = positive(arg, value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
        case "--rounds" -> rounds = positive(arg, value);
        case "--java" -> java = Path.of(value);
        case "--equinode-jar" -> jar = Path.of(value);
        case "--litecoind" -> litecoind = Path.of(value);
        case "--equinode-jvm-option" -> jvmOptions.add(value);
        case "--timeout-seconds" -> timeout = positive(arg, value);
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    if (warmup < 0 || warmupSeconds < 0) {
      throw new IllegalArgumentException("--warmup and --warmup-seconds must be 0 or more");
    }
    for (Path file : List.of(java, jar, litecoind)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(file + " does not exist\n" + USAGE);
      }
    }
    return new BenchOptions(
        txs,
        clients,
        warmup,
        warmupSeconds,
        rounds,
        java,
        jar.toAbsolutePath(),
        litecoind,
        List.copyOf(jvmOptions),
        Duration.ofSeconds(timeout),
        keep);
  }

  private static int positive(String option, String value) {
    int parsed = Integer.parseInt(value);
    if (parsed <= 0) {
      throw new IllegalArgumentException(option + " must be positive, got " + value);
    }
    return parsed;
  }
}
