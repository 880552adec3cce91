package org.equinode.benchmarks.sendraw;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * litecoind in regtest as a child process on loopback, with MWEB kept inactive, cookie auth and its
 * default RPC threads and work queue; funded through its own wallet: blocks mined to it, each
 * mature coinbase fanned out to many addresses, then one-input transactions made with {@code
 * createrawtransaction} and signed with {@code signrawtransactionwithwallet}, never sent. The
 * wallet is then unloaded, so that the timing measures the mempool, not the wallet's bookkeeping.
 */
final class LitecoindNode implements BenchNode {
  /** Outputs per fan-out, each to a distinct address ({@code createrawtransaction} wants that). */
  static final int FAN_OUT = 100;

  static final BigDecimal OUTPUT = new BigDecimal("0.01");
  static final BigDecimal SPEND_FEE = new BigDecimal("0.0001");
  private static final int MATURITY = 100;
  private static final BigDecimal FAN_OUT_FEE = new BigDecimal("0.01");

  private static final String WALLET = "bench";

  private final ChildProcess process;
  private final Path datadir;
  private final InetSocketAddress rpcAddress;
  private final String authorization;
  private final RpcConnection rpc;

  private LitecoindNode(
      ChildProcess process, Path datadir, InetSocketAddress rpcAddress, String authorization) {
    this.process = process;
    this.datadir = datadir;
    this.rpcAddress = rpcAddress;
    this.authorization = authorization;
    this.rpc = new RpcConnection(rpcAddress, authorization);
  }

  static LitecoindNode start(
      Path litecoind, Path datadir, int rpcPort, int p2pPort, Duration timeout) {
    try {
      Files.createDirectories(datadir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command =
        List.of(
            litecoind.toString(),
            "-regtest",
            "-datadir=" + datadir,
            "-server",
            "-rpcbind=127.0.0.1",
            "-rpcallowip=127.0.0.1",
            "-rpcport=" + rpcPort,
            "-port=" + p2pPort,
            "-listen=0",
            "-dnsseed=0",
            "-discover=0",
            "-upnp=0",
            "-fallbackfee=0.0001",
            "-txindex=0",
            "-vbparams=mweb:4000000000:4000000001:10000000:10000001",
            "-printtoconsole=0");
    ChildProcess process = ChildProcess.start("litecoind", command, datadir.resolve("stdout.log"));
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), rpcPort);
    Path cookie = datadir.resolve("regtest").resolve(".cookie");
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        process.expectAlive();
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("litecoind did not answer in " + timeout);
        }
        Optional<LitecoindNode> node = tryConnect(process, datadir, address, cookie);
        if (node.isPresent()) {
          return node.get();
        }
        Thread.sleep(100);
      }
    } catch (RuntimeException e) {
      process.stop(Duration.ofSeconds(30));
      throw e;
    } catch (InterruptedException e) {
      process.stop(Duration.ofSeconds(30));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Optional<LitecoindNode> tryConnect(
      ChildProcess process, Path datadir, InetSocketAddress address, Path cookie) {
    if (!Files.exists(cookie)) {
      return Optional.empty();
    }
    String authorization;
    try {
      authorization =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(Files.readString(cookie).trim().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
    LitecoindNode node;
    try {
      node = new LitecoindNode(process, datadir, address, authorization);
    } catch (UncheckedIOException e) {
      return Optional.empty();
    }
    try {
      node.rpc.call("getblockcount");
      return Optional.of(node);
    } catch (RpcCallException e) {
      node.rpc.close();
      if (e.code() == -28) {
        return Optional.empty(); // still warming up
      }
      throw e;
    } catch (UncheckedIOException e) {
      node.rpc.close();
      return Optional.empty();
    }
  }

  @Override
  public String name() {
    return "litecoind";
  }

  @Override
  public String version() {
    return rpc.call("getnetworkinfo").path("subversion").asText("?");
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public InetSocketAddress rpcAddress() {
    return rpcAddress;
  }

  @Override
  public String authorization() {
    return authorization;
  }

  @Override
  public List<String> presign(int count) {
    rpc.call("createwallet", WALLET);
    String destination = rpc.call("getnewaddress").asText();
    List<String> addresses = new ArrayList<>(FAN_OUT);
    for (int i = 0; i < FAN_OUT; i++) {
      addresses.add(rpc.call("getnewaddress").asText());
    }
    int fanOuts = (count + FAN_OUT - 1) / FAN_OUT;
    // Each fan-out spends a coinbase of its own, named explicitly: the wallet's own coin
    // selection would spend the small outputs of earlier fan-outs.
    long begin = System.nanoTime();
    rpc.call("generatetoaddress", MATURITY + fanOuts, destination);
    begin = SendRawBench.step("litecoind: mined " + (MATURITY + fanOuts) + " blocks", begin);
    List<JsonNode> coinbases = new ArrayList<>();
    for (JsonNode coin : rpc.call("listunspent", 1, 9_999_999)) {
      if (coin.path("amount").decimalValue().compareTo(BigDecimal.ONE) > 0) {
        coinbases.add(coin);
      }
    }
    if (coinbases.size() < fanOuts) {
      throw new IllegalStateException(
          "litecoind has " + coinbases.size() + " mature coinbases, fewer than " + fanOuts);
    }
    List<Map<String, BigDecimal>> fanOutOutputs = new ArrayList<>();
    for (String address : addresses) {
      fanOutOutputs.add(Map.of(address, OUTPUT));
    }
    BigDecimal fannedOut = OUTPUT.multiply(BigDecimal.valueOf(FAN_OUT)).add(FAN_OUT_FEE);
    for (int i = 0; i < fanOuts; i++) {
      JsonNode coinbase = coinbases.get(i);
      List<Map<String, BigDecimal>> outputs = new ArrayList<>(fanOutOutputs);
      outputs.add(Map.of(destination, coinbase.path("amount").decimalValue().subtract(fannedOut)));
      String unsigned =
          rpc.call(
                  "createrawtransaction",
                  List.of(
                      Map.of(
                          "txid", coinbase.path("txid").asText(),
                          "vout", coinbase.path("vout").asInt())),
                  outputs)
              .asText();
      rpc.call("sendrawtransaction", sign(unsigned));
    }
    rpc.call("generatetoaddress", 1, destination);
    if (mempoolSize() > 0) {
      throw new IllegalStateException("litecoind did not mine the fan-out transactions");
    }
    begin =
        SendRawBench.step("litecoind: fanned out and mined " + fanOuts + " transactions", begin);
    Set<String> ours = new HashSet<>(addresses);
    List<Map<String, Object>> coins = new ArrayList<>();
    for (JsonNode coin : rpc.call("listunspent", 1, 9_999_999)) {
      if (ours.contains(coin.path("address").asText())
          && coin.path("amount").decimalValue().compareTo(OUTPUT) == 0) {
        coins.add(Map.of("txid", coin.path("txid").asText(), "vout", coin.path("vout").asInt()));
      }
    }
    if (coins.size() < count) {
      throw new IllegalStateException(
          "litecoind's wallet holds " + coins.size() + " fan-out coins, fewer than " + count);
    }
    List<Map<String, BigDecimal>> outputs =
        List.of(Map.of(destination, OUTPUT.subtract(SPEND_FEE)));
    List<String> signed = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String unsigned = rpc.call("createrawtransaction", List.of(coins.get(i)), outputs).asText();
      signed.add(sign(unsigned));
    }
    SendRawBench.step("litecoind: made and signed " + count + " transactions", begin);
    // Equinode's node runs no wallet during the timing; nor does litecoind: a loaded wallet would
    // record each of these transactions (they are its own) as it enters the mempool.
    rpc.call("unloadwallet", WALLET);
    return signed;
  }

  private String sign(String unsigned) {
    JsonNode result = rpc.call("signrawtransactionwithwallet", unsigned);
    if (!result.path("complete").asBoolean()) {
      throw new IllegalStateException("litecoind could not sign: " + result);
    }
    return result.path("hex").asText();
  }

  @Override
  public long mempoolSize() {
    return rpc.call("getmempoolinfo").path("size").asLong();
  }

  @Override
  public void close() {
    try {
      rpc.call("stop");
    } catch (RuntimeException e) {
      // Fall back to signals below.
    }
    rpc.close();
    if (!process.awaitExit(Duration.ofSeconds(60))) {
      process.stop(Duration.ofSeconds(30));
    }
  }

  @Override
  public String toString() {
    return "litecoind pid " + pid() + " in " + datadir;
  }
}
