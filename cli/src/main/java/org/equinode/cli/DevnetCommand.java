package org.equinode.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.equinode.api.Json;
import org.equinode.api.chain.Amounts;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.mempool.MempoolVerdict;
import org.equinode.chain.state.ChainTip;
import org.equinode.common.Network;
import org.equinode.node.DataDirectory;
import org.equinode.node.Node;
import org.equinode.node.NodeConfig;
import org.equinode.node.NodeException;
import org.equinode.node.ledger.Ledger;
import org.equinode.wallet.Passphrase;
import org.equinode.wallet.Wallet;
import org.equinode.wallet.WalletException;
import org.equinode.wallet.WalletName;
import org.equinode.wallet.spend.BuiltTx;
import org.equinode.wallet.spend.FeeRate;
import org.equinode.wallet.spend.Payment;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code equinode devnet}: a dev node with two wallets that mines a block every second and has the
 * wallets pay each other, printing what happens. Its JSON-RPC answers {@code equinode rpc ...}
 * meanwhile; a second run resumes the same chain.
 */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a dev node whose two wallets mine and pay each other.",
      "Wallets alice and bob: a block every second, random payments between them. Ctrl-C stops it;",
      "run it again to go on where it stopped.",
      "Meanwhile './equinode rpc ...', 'wallet', 'chain' talk to it."
    })
final class DevnetCommand extends Subcommand {
  /** Blocks mined at once on a fresh chain, so that the first coinbases can be spent. */
  static final int BOOTSTRAP_BLOCKS = 101;

  private static final List<String> WALLETS = List.of("alice", "bob");
  private static final long MAX_PAYMENT_UNITS = 5 * 100_000_000L;
  private static final FeeRate FEE_RATE = FeeRate.ofUnitsPerByte(2);

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "Stop after this many seconds (default: run until Ctrl-C).")
  @Nullable Long durationSeconds;

  @Option(
      names = "--interval",
      paramLabel = "MILLIS",
      defaultValue = "1000",
      description = "Time between blocks (default: ${DEFAULT-VALUE} ms, the dev block spacing).")
  long intervalMillis;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the random payments.")
  @Nullable Long seed;

  @Option(
      names = "--rpc",
      paramLabel = "HOST:PORT",
      converter = HostPort.class,
      description = "Where JSON-RPC listens, on loopback (default: 127.0.0.1:28691).")
  @Nullable InetSocketAddress rpc;

  @Mixin JsonOption json = new JsonOption();

  DevnetCommand(CommandEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() throws InterruptedException {
    if (global().network != Network.DEV) {
      throw new NodeException("devnet runs on the dev network only (drop --network)");
    }
    DataDirectory data = dataDirectory();
    NodeConfig config = NodeConfig.defaults(data).withTime(environment.time());
    if (rpc != null) {
      if (!rpc.getAddress().isLoopbackAddress()) {
        throw new NodeException("JSON-RPC listens on loopback only, not " + rpc.getAddress());
      }
      config = config.withRpcAddress(rpc);
    }
    Node node = Node.start(config, VersionProvider.version());
    Thread hook = new Thread(node::close, "equinode-devnet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      run(node, data);
    } finally {
      node.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is closing the node already.
      }
    }
    return 0;
  }

  private void run(Node node, DataDirectory data) throws InterruptedException {
    Ledger ledger = node.ledger();
    PrintWriter out = out();
    List<Wallet> wallets = WALLETS.stream().map(name -> openOrCreate(ledger, name)).toList();
    RandomGenerator random =
        seed == null
            ? RandomGenerator.getDefault()
            : RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    if (!json.enabled()) {
      out.printf(
          "equinode devnet: dev network, data in %s%nJSON-RPC on %s: try './equinode chain info'"
              + " or './equinode rpc help' in another terminal. Ctrl-C stops.%n",
          data.root(), node.rpcCookie().url());
    }
    if (ledger.chain().tip().height() < BOOTSTRAP_BLOCKS) {
      int missing = BOOTSTRAP_BLOCKS - ledger.chain().tip().height();
      ledger.generate(missing, address(wallets.get(0)), () -> false);
      if (!json.enabled()) {
        out.printf("mined %d blocks to alice so that her first coins are spendable%n", missing);
      }
    }
    long deadline =
        durationSeconds == null
            ? Long.MAX_VALUE
            : environment.time().nanoTime() + Duration.ofSeconds(durationSeconds).toNanos();
    while (environment.time().nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
      Optional<String> payment = pay(ledger, wallets, random);
      Wallet miner = wallets.get(random.nextInt(wallets.size()));
      ledger.generate(1, address(miner), () -> false);
      summary(out, ledger, wallets, miner, payment);
      Thread.sleep(intervalMillis);
    }
  }

  private static Wallet openOrCreate(Ledger ledger, String text) {
    WalletName name = WalletName.of(text);
    if (ledger.walletFiles().contains(name)) {
      return ledger.loadWallet(name);
    }
    return ledger.createWallet(name, Passphrase.of(""), true).wallet();
  }

  private static LockHash address(Wallet wallet) {
    return new LockHash(wallet.freshAddress(Optional.empty()).address().lockHash());
  }

  /** One random payment from a wallet with spendable coins to the other; a note on what it did. */
  private static Optional<String> pay(Ledger ledger, List<Wallet> wallets, RandomGenerator random) {
    int from = random.nextInt(wallets.size());
    Wallet payer = wallets.get(from);
    Wallet payee = wallets.get(1 - from);
    long spendable = payer.balance().confirmed().units();
    if (spendable < 2 * 100_000_000L) {
      return Optional.empty();
    }
    Amount amount =
        Amount.ofUnits(
            1_000_000L
                * (1 + random.nextLong(Math.min(MAX_PAYMENT_UNITS, spendable / 2) / 1_000_000L)));
    try {
      BuiltTx built = payer.send(List.of(new Payment(address(payee), amount)), FEE_RATE);
      MempoolVerdict verdict = ledger.acceptTransaction(built.tx());
      return Optional.of(
          payer.name().value()
              + " → "
              + payee.name().value()
              + " "
              + Amounts.toJson(amount).stripTrailingZeros().toPlainString()
              + " EQ"
              + (verdict.isAccepted() ? "" : " (refused: " + verdict + ")"));
    } catch (WalletException e) {
      return Optional.of("payment skipped: " + e.getMessage());
    }
  }

  private void summary(
      PrintWriter out,
      Ledger ledger,
      List<Wallet> wallets,
      Wallet miner,
      Optional<String> payment) {
    ChainTip tip = ledger.chain().tip();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("height", tip.height());
    line.put("tip", tip.hash().hash().toString());
    line.put("mempool", ledger.mempool().info().size());
    line.put("minedBy", miner.name().value());
    payment.ifPresent(text -> line.put("payment", text));
    for (Wallet wallet : wallets) {
      line.put(wallet.name().value(), balance(wallet.balance().confirmed()));
    }
    if (json.enabled()) {
      try {
        out.println(Json.mapper().writeValueAsString(line));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      out.printf(
          "height %d  tip %s…  mempool %d  alice %s EQ  bob %s EQ  mined by %s%s%n",
          tip.height(),
          tip.hash().hash().toString().substring(0, 12),
          ledger.mempool().info().size(),
          balance(wallets.get(0).balance().confirmed()).toPlainString(),
          balance(wallets.get(1).balance().confirmed()).toPlainString(),
          miner.name().value(),
          payment.map(text -> "  " + text).orElse(""));
    }
    out.flush();
  }

  private static BigDecimal balance(Amount amount) {
    return Amounts.toJson(amount);
  }
}
