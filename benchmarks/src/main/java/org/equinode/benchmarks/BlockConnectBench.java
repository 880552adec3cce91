package org.equinode.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.BlockRules;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.consensus.Verdict;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.state.ChainState;
import org.equinode.chain.state.SubmitVerdict;
import org.equinode.common.Network;
import org.equinode.common.TimeSource;
import org.equinode.store.RocksStore;

/**
 * Block connection throughput beside the Ed25519 verification rate of all cores, in one run (see
 * README.md, "Block connection beside Ed25519 verification"). Arguments: the number of full blocks
 * (default 6) and of rounds (default 3).
 */
public final class BlockConnectBench {
  private static final ChainParams PARAMS = ChainParams.of(Network.DEV);
  private static final long SEED = 20_261_122L;

  private BlockConnectBench() {}

  /** One round's figures. */
  private record Round(
      double connect, double decodeShare, double pipelined, double bare, double rule) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int cores = Runtime.getRuntime().availableProcessors();
    String loadBefore = loadAverage();
    long generating = System.nanoTime();
    FullBlockChain chain = FullBlockChain.generate(PARAMS, blocks, SEED);
    int txs = chain.signatures().size();
    System.out.printf(
        Locale.ROOT,
        "generated %d setup blocks and %d full blocks (%d one-input txs, %d distinct keys, %.0f"
            + " bytes each on average) in %.1f s%n",
        chain.setup().size(),
        chain.fullBlocks().size(),
        txs,
        txs,
        chain.fullBlocks().stream().mapToInt(b -> b.length).sum() / (double) txs,
        (System.nanoTime() - generating) / 1e9);

    ExecutorService verifiers = Executors.newFixedThreadPool(cores);
    ExecutorService rateThreads = Executors.newFixedThreadPool(cores);
    try {
      SignatureRates rates = new SignatureRates(rateThreads, cores);
      // Warm-up: the JIT compiles both verifications and the whole connection path once.
      List<FullBlockChain.Signed> sample = chain.signatures().subList(0, Math.min(txs, 4_000));
      rates.bare(sample);
      rates.rule(sample);
      connect(chain, verifiers, cores, false);
      List<Round> results = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        double bare = rates.bare(chain.signatures());
        double rule = rates.rule(chain.signatures());
        double[] connect = connect(chain, verifiers, cores, false);
        double pipelined = connect(chain, verifiers, cores, true)[0];
        Round round = new Round(connect[0], connect[1], pipelined, bare, rule);
        results.add(round);
        System.out.printf(Locale.ROOT, "round %d: %s%n", r, line(round));
      }
      String loadAfter = loadAverage();
      results.sort(Comparator.comparingDouble(Round::connect));
      Round median = results.get(results.size() / 2);
      System.out.printf(
          Locale.ROOT,
          "%nEquinode block connection on Java %s, %d cores (signature checker parallelism %d,"
              + " RocksDB in a temp dir)%nload average before %s, after %s%n"
              + "%d full blocks of %d one-input txs in all, %d rounds; the round with the median"
              + " connection rate:%n%n",
          Runtime.version(),
          cores,
          cores,
          loadBefore,
          loadAfter,
          blocks,
          txs,
          rounds);
      System.out.printf(
          Locale.ROOT,
          "| figure | per second | in series / figure | pipelined / figure |%n"
              + "|---|---:|---:|---:|%n");
      row(
          "block connection in series: decode, then both stages and the RocksDB commit",
          median.connect(),
          median);
      row(
          "block connection pipelined: the next block decoded on a reader thread",
          median.pipelined(),
          median);
      row("(a) BouncyCastle Ed25519.verify alone, " + cores + " threads", median.bare(), median);
      row(
          "(b) Equinode per signature: key parse + rule verify, " + cores + " threads",
          median.rule(),
          median);
      System.out.printf(
          Locale.ROOT,
          "%nshare of the connection time spent decoding blocks: %.0f%%%n",
          100 * median.decodeShare());
    } finally {
      verifiers.shutdownNow();
      rateThreads.shutdownNow();
    }
  }

  private static void row(String figure, double perSecond, Round round) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %,.0f | %.2f | %.2f |%n",
        figure,
        perSecond,
        round.connect() / perSecond,
        round.pipelined() / perSecond);
  }

  private static String line(Round round) {
    return String.format(
        Locale.ROOT,
        "connect %,.0f tx/s (decoding %.0f%%), pipelined %,.0f tx/s, (a) bare %,.0f/s,"
            + " (b) rule %,.0f/s, connect/(a) %.2f, connect/(b) %.2f",
        round.connect(),
        100 * round.decodeShare(),
        round.pipelined(),
        round.bare(),
        round.rule(),
        round.connect() / round.bare(),
        round.connect() / round.rule());
  }

  /**
   * Connects the chain to a fresh chain state on RocksDB: the setup blocks untimed, then the full
   * blocks timed, each decoded from its bytes and submitted as a block from a peer would be. In
   * series, one thread decodes a block and then submits it; pipelined, a second thread (a peer's
   * reader) decodes the next block while the previous one is connected. Returns the transactions
   * per second and the share of the time the submitting thread spent decoding.
   */
  private static double[] connect(
      FullBlockChain chain, ExecutorService verifiers, int cores, boolean pipelined)
      throws IOException, InterruptedException {
    Path folder = Files.createTempDirectory("equinode-connect-bench");
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try (RocksStore store = RocksStore.open(folder)) {
      ChainState state =
          ChainState.open(
              store,
              folder.toString(),
              PARAMS,
              new FixedClock(chain.lastTime()),
              SignatureChecker.parallel(verifiers, cores));
      for (Block block : chain.setup()) {
        accept(state.submitBlock(block));
      }
      long decoding = 0;
      long start = System.nanoTime();
      Future<Block> next =
          pipelined ? reader.submit(() -> decode(chain.fullBlocks().get(0))) : null;
      for (int i = 0; i < chain.fullBlocks().size(); i++) {
        Block block;
        if (next != null) {
          block = await(next);
          int following = i + 1;
          next =
              following < chain.fullBlocks().size()
                  ? reader.submit(() -> decode(chain.fullBlocks().get(following)))
                  : null;
        } else {
          long decodeStart = System.nanoTime();
          block = decode(chain.fullBlocks().get(i));
          decoding += System.nanoTime() - decodeStart;
        }
        accept(state.submitBlock(block));
      }
      long elapsed = System.nanoTime() - start;
      return new double[] {chain.signatures().size() * 1e9 / elapsed, decoding / (double) elapsed};
    } finally {
      reader.shutdownNow();
      delete(folder);
    }
  }

  private static Block decode(byte[] bytes) {
    Verdict<Block> decoded = BlockRules.decode(bytes);
    if (!(decoded instanceof Verdict.Accept<Block> block)) {
      throw new IllegalStateException("a generated block does not decode: " + decoded);
    }
    return block.result();
  }

  private static Block await(Future<Block> block) throws InterruptedException {
    try {
      return block.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("decoding failed", e);
    }
  }

  private static void accept(SubmitVerdict verdict) {
    if (!(verdict instanceof SubmitVerdict.Accepted accepted) || !accepted.onActiveChain()) {
      throw new IllegalStateException("a generated block was not connected: " + verdict);
    }
  }

  private static String loadAverage() {
    try {
      String[] fields =
          Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
      return String.join(" ", Arrays.copyOf(fields, 3));
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** A clock stopped at the last generated block's time. */
  private record FixedClock(long epochSeconds) implements TimeSource {
    @Override
    public Instant now() {
      return Instant.ofEpochSecond(epochSeconds);
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }
  }
}
