package org.equinode.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link MempoolBenchmark} with short settings (1 fork, 2 x 2 s warm-up, 3 x 2 s measured, one
 * thread) and prints transactions accepted per second beside Ed25519 verifications per second and
 * their ratio. See README.md.
 */
public final class MempoolBench {
  private MempoolBench() {}

  public static void main(String[] args) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(Pattern.quote(MempoolBenchmark.class.getName()) + ".*")
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(2))
            .threads(1)
            .mode(Mode.Throughput)
            .timeUnit(TimeUnit.SECONDS)
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    double accept = score(results, "acceptOneInputTransactions");
    double verify = score(results, "verifyEd25519");
    System.out.printf(
        Locale.ROOT,
        "%nmempool acceptance, one-input txs: %,10.0f tx/s%n"
            + "Ed25519 verify (full rule):       %,10.0f /s%n"
            + "acceptance / verify:              %10.2f%n",
        accept,
        verify,
        verify > 0 ? accept / verify : 0);
  }

  private static double score(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .mapToDouble(r -> r.getPrimaryResult().getScore())
        .findFirst()
        .orElse(0);
  }
}
