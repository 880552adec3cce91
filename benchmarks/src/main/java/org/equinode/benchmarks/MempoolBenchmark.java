package org.equinode.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.equinode.chain.Amount;
import org.equinode.chain.BlockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.consensus.UtxoView;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.mempool.Mempool;
import org.equinode.chain.mempool.MempoolChainView;
import org.equinode.chain.mempool.MempoolConfig;
import org.equinode.chain.mempool.MempoolVerdict;
import org.equinode.chain.mempool.Tip;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.chain.tx.TxOut;
import org.equinode.chain.tx.TxSigner;
import org.equinode.common.Hash32;
import org.equinode.common.Network;
import org.equinode.common.TimeSource;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.crypto.TaggedHash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Mempool acceptance of pre-signed one-input, one-output transactions (each a plain {@code SIG}
 * spend of a confirmed coin, fee 1,000 units), in batches of {@link #BATCH} into a fresh mempool on
 * one thread, beside the raw single-core Ed25519 verification rate of the same run: one
 * verification is the floor of an acceptance, the rest is the mempool's own cost (lookups, sighash,
 * locking, bookkeeping).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MempoolBenchmark {
  /** Transactions per invocation, each a fresh spend of its own coin. */
  public static final int BATCH = 1_000;

  private static final ChainParams PARAMS = ChainParams.of(Network.DEV);
  private static final int TIP_HEIGHT = 200;
  private static final long COIN_UNITS = 1_000_000;
  private static final long FEE_UNITS = 1_000;

  private final Ed25519PrivateKey key =
      Ed25519PrivateKey.fromSeed(TaggedHash.of("eq/bench/seed").hash(new byte[0]).toByteArray());
  private final Ed25519PublicKey publicKey = key.publicKey();
  private final byte[] message = TaggedHash.of("eq/bench").hash(new byte[0]).toByteArray();
  private final Ed25519Signature signature = key.sign(message);
  private final Map<OutPoint, Coin> coins = new HashMap<>();
  private final List<Tx> txs = new ArrayList<>(BATCH);
  private final MempoolChainView chain;
  private final TimeSource clock;

  public MempoolBenchmark() {
    Lock lock = new Lock.Sig(publicKey);
    TxOut coinOutput = new TxOut(Amount.ofUnits(COIN_UNITS), lock.hash());
    TxOut paid = new TxOut(Amount.ofUnits(COIN_UNITS - FEE_UNITS), lock.hash());
    for (int i = 0; i < BATCH; i++) {
      OutPoint outPoint =
          new OutPoint(
              new TxId(TaggedHash.of("eq/bench/coin").hash(new byte[] {(byte) i, (byte) (i >> 8)})),
              0);
      coins.put(outPoint, new Coin(coinOutput, 1, false));
      TxBody body = new TxBody(1, List.of(outPoint), List.of(paid), 0);
      txs.add(TxSigner.signAll(body, List.of(coinOutput), List.of(key)));
    }
    Tip tip =
        new Tip(new BlockHash(Hash32.ZERO), TIP_HEIGHT, PARAMS.genesisTime(), PARAMS.genesisTime());
    UtxoView utxos = outPoint -> Optional.ofNullable(coins.get(outPoint));
    chain =
        new MempoolChainView() {
          @Override
          public ChainParams params() {
            return PARAMS;
          }

          @Override
          public Tip tip() {
            return tip;
          }

          @Override
          public UtxoView utxos() {
            return utxos;
          }
        };
    Instant now = Instant.ofEpochSecond(PARAMS.genesisTime());
    clock =
        new TimeSource() {
          @Override
          public Instant now() {
            return now;
          }

          @Override
          public long nanoTime() {
            return 0;
          }
        };
    // The setup proves that every transaction is accepted.
    Mempool check = mempool();
    for (Tx tx : txs) {
      MempoolVerdict verdict = check.accept(tx);
      if (!verdict.isAccepted()) {
        throw new IllegalStateException("benchmark transaction refused: " + verdict);
      }
    }
  }

  private Mempool mempool() {
    return new Mempool(
        chain,
        MempoolConfig.defaults(),
        SignatureChecker.sequential(),
        clock,
        RandomGenerator.of("L64X128MixRandom"));
  }

  /** Transactions accepted per second: a fresh mempool takes the whole batch. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int acceptOneInputTransactions() {
    Mempool mempool = mempool();
    for (Tx tx : txs) {
      mempool.accept(tx);
    }
    return mempool.info().size();
  }

  /** One Ed25519 verification (Equinode's full rule) on one core, for comparison. */
  @Benchmark
  public boolean verifyEd25519() {
    return publicKey.verify(message, signature);
  }
}
