package org.equinode.benchmarks.sendraw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Mempool acceptance through JSON-RPC {@code sendrawtransaction}: an Equinode dev node and
 * litecoind in regtest, side by side in one run. Both are child processes on 127.0.0.1; each gets
 * its own pre-signed one-input transactions (made outside the timing), then the same client code
 * submits them, one client and then several, alternating between the nodes. See README.md.
 */
public final class SendRawBench {
  private SendRawBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    Path tmp = Files.createTempDirectory("equinode-sendraw-");
    List<BenchNode> nodes = new CopyOnWriteArrayList<>();
    Thread watchdog =
        Thread.ofPlatform()
            .daemon()
            .name("sendraw-watchdog")
            .unstarted(
                () -> {
                  try {
                    Thread.sleep(options.timeout().toMillis());
                  } catch (InterruptedException e) {
                    return;
                  }
                  System.err.println("sendraw-bench: over " + options.timeout() + ", stopping");
                  stopAll(nodes);
                  Runtime.getRuntime().halt(2);
                });
    watchdog.start();
    Thread hook = new Thread(() -> stopAll(nodes));
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      run(options, tmp, nodes);
    } finally {
      stopAll(nodes);
      Runtime.getRuntime().removeShutdownHook(hook);
      watchdog.interrupt();
      if (!options.keep()) {
        delete(tmp);
      } else {
        System.out.println("data directories kept in " + tmp);
      }
    }
  }

  private static void run(BenchOptions options, Path tmp, List<BenchNode> nodes) {
    int perNode = options.warmup() + options.rounds() * 2 * options.txs();
    long started = System.nanoTime();
    EquinodeNode equinode =
        EquinodeNode.start(
            options.java(),
            options.equinodeJar(),
            tmp.resolve("equinode"),
            freePort(),
            options.equinodeJvmOptions(),
            Duration.ofSeconds(60));
    nodes.add(equinode);
    LitecoindNode litecoind =
        LitecoindNode.start(
            options.litecoind(),
            tmp.resolve("litecoind"),
            freePort(),
            freePort(),
            Duration.ofSeconds(60));
    nodes.add(litecoind);
    System.out.printf(
        Locale.ROOT,
        "started %s (pid %d, %s) and %s (pid %d, %s)%n",
        equinode.name(),
        equinode.pid(),
        equinode.version(),
        litecoind.name(),
        litecoind.pid(),
        litecoind.version());

    List<List<String>> signed = new ArrayList<>();
    for (BenchNode node : nodes) {
      long begin = System.nanoTime();
      List<String> txs = node.presign(perNode);
      signed.add(txs);
      System.out.printf(
          Locale.ROOT,
          "%s: funded and pre-signed %d transactions (%.0f bytes each on average) in %.1f s%n",
          node.name(),
          txs.size(),
          txs.stream().mapToInt(String::length).average().orElse(0) / 2,
          (System.nanoTime() - begin) / 1e9);
    }

    List<Row> rows = new ArrayList<>();
    for (int n = 0; n < nodes.size(); n++) {
      BenchNode node = nodes.get(n);
      List<String> txs = signed.get(n);
      if (options.warmupSeconds() > 0 && options.warmup() > 0) {
        // Only the warm-up transactions, never the timed ones: litecoind caches signature and
        // script checks, so checking a timed transaction ahead would let it skip its ECDSA later.
        long calls =
            WarmUp.run(
                node,
                txs.subList(0, options.warmup()),
                options.clients(),
                Duration.ofSeconds(options.warmupSeconds()));
        System.out.printf(
            Locale.ROOT,
            "%s: warm-up, %d testmempoolaccept calls in %d s at %d clients%n",
            node.name(),
            calls,
            options.warmupSeconds(),
            options.clients());
      }
      if (options.warmup() > 0) {
        SubmitRun warm = SubmitRun.time(node, txs.subList(0, options.warmup()), options.clients());
        System.out.printf(
            Locale.ROOT,
            "%s: warm-up, %d sendrawtransaction at %d clients, %.0f tx/s, %.0f CPU µs/tx%n",
            node.name(),
            warm.submitted(),
            options.clients(),
            warm.perSecond(),
            warm.cpuMicrosPerTx());
      }
    }
    int offset = options.warmup();
    for (int round = 1; round <= options.rounds(); round++) {
      for (int clients : List.of(1, options.clients())) {
        SubmitRun[] runs = new SubmitRun[nodes.size()];
        double load = loadAverage();
        for (int turn = 0; turn < nodes.size(); turn++) {
          int n = (turn + round) % nodes.size(); // each round starts with the other node
          runs[n] =
              SubmitRun.time(
                  nodes.get(n), signed.get(n).subList(offset, offset + options.txs()), clients);
          String name = nodes.get(n).name();
          runs[n]
              .firstError()
              .ifPresent(error -> System.out.println("  refused by " + name + ": " + error));
        }
        offset += options.txs();
        rows.add(new Row(round, clients, load, loadAverage(), runs[0], runs[1]));
      }
    }
    print(options, rows);
    System.out.printf(
        Locale.ROOT,
        "mempools at the end: %s %d, %s %d; whole run %.0f s%n",
        equinode.name(),
        equinode.mempoolSize(),
        litecoind.name(),
        litecoind.mempoolSize(),
        (System.nanoTime() - started) / 1e9);
  }

  private record Row(
      int round,
      int clients,
      double loadBefore,
      double loadAfter,
      SubmitRun equinode,
      SubmitRun litecoind) {}

  private static void print(BenchOptions options, List<Row> rows) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "sendrawtransaction, %d transactions per cell, %d cores, load average (1 min) before/after%n",
        options.txs(),
        Runtime.getRuntime().availableProcessors());
    System.out.println(
        "| round | clients | equinode tx/s | litecoind tx/s | equinode / litecoind |"
            + " CPU µs/tx (eq, ltc) | accepted (eq, ltc) | load |");
    System.out.println("|---:|---:|---:|---:|---:|---|---|---|");
    for (Row row : rows) {
      System.out.printf(
          Locale.ROOT,
          "| %d | %d | %,.0f | %,.0f | %.2fx | %.0f, %.0f | %d/%d, %d/%d | %.2f → %.2f |%n",
          row.round(),
          row.clients(),
          row.equinode().perSecond(),
          row.litecoind().perSecond(),
          row.equinode().perSecond() / row.litecoind().perSecond(),
          row.equinode().cpuMicrosPerTx(),
          row.litecoind().cpuMicrosPerTx(),
          row.equinode().accepted(),
          row.equinode().submitted(),
          row.litecoind().accepted(),
          row.litecoind().submitted(),
          row.loadBefore(),
          row.loadAfter());
    }
    System.out.println();
  }

  /** Prints a setup step's duration; answers the time now, the next step's start. */
  static long step(String what, long begin) {
    long now = System.nanoTime();
    System.out.printf(Locale.ROOT, "  %s in %.1f s%n", what, (now - begin) / 1e9);
    return now;
  }

  private static double loadAverage() {
    try {
      String text = Files.readString(Path.of("/proc/loadavg"));
      return Double.parseDouble(text.substring(0, text.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized void stopAll(List<BenchNode> nodes) {
    for (BenchNode node : List.copyOf(nodes)) {
      try {
        node.close();
      } catch (RuntimeException e) {
        System.err.println("stopping " + node + ": " + e);
      }
    }
    nodes.clear();
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("could not delete " + folder + ": " + e.getMessage());
    }
  }
}
