package org.equinode.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the crypto benchmarks with short settings (1 fork, 2 x 1 s warm-up, 3 x 1 s measured, one
 * thread) and prints ops/s per benchmark and the BouncyCastle/JDK ratios for verify and sign.
 * Enough to compare providers on one machine, not a precise measurement; see README.md.
 */
public final class CryptoBench {
  private static final Map<String, String> LABELS =
      Map.of(
          "signBouncyCastle", "Ed25519 sign, BouncyCastle via Equinode",
          "signJdk", "Ed25519 sign, JDK provider",
          "verifyBouncyCastle", "Ed25519 verify, Equinode (full rule)",
          "verifyBouncyCastleWithoutOrderCheck", "Ed25519 verify, BouncyCastle alone",
          "verifyJdk", "Ed25519 verify, JDK provider",
          "parsePublicKey", "Ed25519 public key parse (decode + order check), new keys",
          "taggedSha256", "tagged SHA-256",
          "jdkSha256", "plain JDK SHA-256");

  private CryptoBench() {}

  public static void main(String[] args) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(Pattern.quote(Ed25519Benchmark.class.getName()) + ".*")
            .include(Pattern.quote(TaggedHashBenchmark.class.getName()) + ".*")
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(1))
            .threads(1)
            .mode(Mode.Throughput)
            .timeUnit(TimeUnit.SECONDS)
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println(table(results));
  }

  static String table(Collection<RunResult> results) {
    List<RunResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing(CryptoBench::label));
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nEquinode crypto benchmarks on Java %s (%s), %d processors%n",
            Runtime.version(),
            System.getProperty("java.vm.name"),
            Runtime.getRuntime().availableProcessors()));
    out.append(String.format(Locale.ROOT, "%-58s %14s %12s%n", "benchmark", "ops/s", "+- 99.9%"));
    for (RunResult result : sorted) {
      Result<?> primary = result.getPrimaryResult();
      out.append(
          String.format(
              Locale.ROOT,
              "%-58s %,14.0f %,12.0f%n",
              label(result),
              primary.getScore(),
              primary.getScoreError()));
    }
    ratio(results, "verifyBouncyCastle", "verifyJdk")
        .ifPresent(
            r -> out.append(String.format(Locale.ROOT, "BouncyCastle/JDK verify: %.1fx%n", r)));
    ratio(results, "signBouncyCastle", "signJdk")
        .ifPresent(
            r -> out.append(String.format(Locale.ROOT, "BouncyCastle/JDK sign:   %.1fx%n", r)));
    ratio(results, "verifyBouncyCastle", "verifyBouncyCastleWithoutOrderCheck")
        .ifPresent(
            r ->
                out.append(
                    String.format(
                        Locale.ROOT, "full rule / BouncyCastle alone, verify: %.2fx%n", r)));
    return out.toString();
  }

  private static String method(RunResult result) {
    String name = result.getParams().getBenchmark();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String label(RunResult result) {
    String method = method(result);
    String size = result.getParams().getParam("size");
    String label = LABELS.getOrDefault(method, method);
    return size == null ? label : label + ", " + size + " bytes";
  }

  private static Optional<Double> ratio(
      Collection<RunResult> results, String numerator, String denominator) {
    Optional<Double> top = score(results, numerator);
    Optional<Double> bottom = score(results, denominator);
    return top.isPresent() && bottom.isPresent() && bottom.get() > 0
        ? Optional.of(top.get() / bottom.get())
        : Optional.empty();
  }

  private static Optional<Double> score(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> method(r).equals(method))
        .map(r -> r.getPrimaryResult().getScore())
        .findFirst();
  }
}
