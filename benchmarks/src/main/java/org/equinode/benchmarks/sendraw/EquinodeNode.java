package org.equinode.benchmarks.sendraw;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.chain.tx.TxOut;
import org.equinode.chain.tx.TxSigner;
import org.equinode.common.Hex;
import org.equinode.common.Network;
import org.equinode.crypto.Address;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.crypto.TaggedHash;

/**
 * An Equinode dev node as a child JVM ({@code java -jar equinode.jar --network dev --datadir D node
 * --rpc 127.0.0.1:PORT}), funded through its own RPC: blocks mined to a key the benchmark holds,
 * their coinbases fanned out to many outputs by transactions the benchmark signs with the chain
 * classes, then one-input transactions spending those outputs signed the same way.
 */
final class EquinodeNode implements BenchNode {
  /** Outputs per fan-out transaction (a transaction allows up to 2,000). */
  static final int FAN_OUT = 1_000;

  static final Amount OUTPUT = Amount.ofUnits(1_000_000);
  static final Amount SPEND_FEE = Amount.ofUnits(1_000);
  static final Amount FAN_OUT_FEE = Amount.ofUnits(100_000);
  private static final int MATURITY = 100;

  private final ChildProcess process;
  private final Path datadir;
  private final InetSocketAddress rpcAddress;
  private final String authorization;
  private final RpcConnection rpc;
  private final Ed25519PrivateKey key =
      Ed25519PrivateKey.fromSeed(TaggedHash.of("eq/bench/sendraw").hash(new byte[0]).toByteArray());
  private final LockHash lockHash = new Lock.Sig(key.publicKey()).hash();

  /** How many spend keys {@link #presign} has handed out so far. */
  private int spendKeys;

  private final String address = new Address(Network.DEV, lockHash.hash()).toString();

  private EquinodeNode(
      ChildProcess process, Path datadir, InetSocketAddress rpcAddress, String token) {
    this.process = process;
    this.datadir = datadir;
    this.rpcAddress = rpcAddress;
    this.authorization = "Bearer " + token;
    this.rpc = new RpcConnection(rpcAddress, authorization);
  }

  /**
   * Starts the node and waits until it answers.
   *
   * @param jvmOptions extra options for the node's JVM (heap, JFR)
   */
  static EquinodeNode start(
      Path java, Path jar, Path datadir, int port, List<String> jvmOptions, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--network",
            "dev",
            "--datadir",
            datadir.toString(),
            "node",
            "--rpc",
            "127.0.0.1:" + port));
    try {
      Files.createDirectories(datadir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChildProcess process = ChildProcess.start("equinode", command, datadir.resolve("node.log"));
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      Path cookie = datadir.resolve("rpc.cookie");
      while (true) {
        process.expectAlive();
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("equinode did not write " + cookie + " in " + timeout);
        }
        if (Files.exists(cookie)) {
          Properties properties = new Properties();
          properties.load(new StringReader(Files.readString(cookie)));
          String token = properties.getProperty("token");
          if (token != null && !token.isEmpty()) {
            EquinodeNode node =
                new EquinodeNode(
                    process,
                    datadir,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    token);
            node.rpc.call("getblockcount");
            return node;
          }
        }
        Thread.sleep(100);
      }
    } catch (IOException | RuntimeException e) {
      process.stop(Duration.ofSeconds(10));
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    } catch (InterruptedException e) {
      process.stop(Duration.ofSeconds(10));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public String name() {
    return "equinode";
  }

  @Override
  public String version() {
    JsonNode info = rpc.call("getnodeinfo");
    return info.path("version").asText("?");
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
    int fanOuts = (count + FAN_OUT - 1) / FAN_OUT;
    int first = spendKeys;
    spendKeys += fanOuts * FAN_OUT;
    int height = rpc.call("getblockcount").asInt();
    JsonNode hashes = rpc.call("generatetoaddress", MATURITY + fanOuts, address);
    // The first fanOuts of these coinbases are mature at the new tip + 1.
    List<String> fanOutHex = new ArrayList<>();
    List<Tx> fanOutTxs = new ArrayList<>();
    for (int i = 0; i < fanOuts; i++) {
      Block block =
          Block.decode(Hex.decode(rpc.call("getblock", hashes.get(i).asText(), 0).asText()));
      Tx coinbase = block.txs().get(0);
      int index = mine(coinbase.body().outputs(), height + 1 + i);
      TxOut spent = coinbase.body().outputs().get(index);
      List<TxOut> outputs = new ArrayList<>(FAN_OUT + 1);
      Amount change = spent.amount().subtract(FAN_OUT_FEE);
      for (int j = 0; j < FAN_OUT; j++) {
        outputs.add(
            new TxOut(OUTPUT, new Lock.Sig(spendKey(first + i * FAN_OUT + j).publicKey()).hash()));
        change = change.subtract(OUTPUT);
      }
      outputs.add(new TxOut(change, lockHash));
      TxBody body = new TxBody(1, List.of(new OutPoint(coinbase.txId(), index)), outputs, 0);
      Tx tx = TxSigner.signAll(body, List.of(spent), List.of(key));
      fanOutTxs.add(tx);
      fanOutHex.add(Hex.encode(tx.encode()));
    }
    for (String hex : fanOutHex) {
      rpc.call("sendrawtransaction", hex);
    }
    for (int i = 0; i < 20 && mempoolSize() > 0; i++) {
      rpc.call("generatetoaddress", 1, address);
    }
    if (mempoolSize() > 0) {
      throw new IllegalStateException("equinode did not mine the fan-out transactions");
    }
    List<String> signed = new ArrayList<>(count);
    TxOut paid = new TxOut(OUTPUT.subtract(SPEND_FEE), lockHash);
    for (int i = 0; i < count; i++) {
      Tx parent = fanOutTxs.get(i / FAN_OUT);
      TxBody body =
          new TxBody(1, List.of(new OutPoint(parent.txId(), i % FAN_OUT)), List.of(paid), 0);
      Ed25519PrivateKey owner = spendKey(first + i);
      TxOut coin = new TxOut(OUTPUT, new Lock.Sig(owner.publicKey()).hash());
      signed.add(Hex.encode(TxSigner.signAll(body, List.of(coin), List.of(owner)).encode()));
    }
    return signed;
  }

  /**
   * The key of the n-th coin a spend will use: every spend has its own, never seen by the node
   * before (no warm-up reuses a timed one), so no cache of parsed keys can help, as on a chain
   * where addresses are not reused.
   */
  private static Ed25519PrivateKey spendKey(int n) {
    byte[] index = ByteBuffer.allocate(4).putInt(n).array();
    return Ed25519PrivateKey.fromSeed(
        TaggedHash.of("eq/bench/sendraw/spend").hash(index).toByteArray());
  }

  private int mine(List<TxOut> outputs, int height) {
    for (int i = 0; i < outputs.size(); i++) {
      if (outputs.get(i).lockHash().equals(lockHash)) {
        return i;
      }
    }
    throw new IllegalStateException(
        "the coinbase at height " + height + " does not pay the bench key");
  }

  @Override
  public long mempoolSize() {
    return rpc.call("getmempoolinfo").path("size").asLong();
  }

  @Override
  public void close() {
    rpc.close();
    // SIGTERM is the node's clean shutdown.
    process.stop(Duration.ofSeconds(30));
  }

  @Override
  public String toString() {
    return "equinode pid " + pid() + " in " + datadir;
  }
}
