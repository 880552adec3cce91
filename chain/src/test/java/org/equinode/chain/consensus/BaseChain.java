package org.equinode.chain.consensus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.TestKeys;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.SigHash;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.crypto.TaggedHash;

/**
 * The chain every consensus vector grows from: 110 blocks on DEV, so the coinbases of heights 1 to
 * 11 are mature for block 111 (the candidate's height) and that of height 12 is not. Block 101
 * turns coinbase 1 into 400 outputs locked by a 20-of-20 MULTI (for the signature limits); block
 * 102 turns coinbase 2 into one output for each kind of lock the vectors spend.
 */
final class BaseChain {
  static final int HEIGHT = 110;
  static final int MULTI_OUTPUTS = 400;
  static final int MULTI_HEIGHT = 101;
  static final int LOCKS_HEIGHT = 102;

  /** 20-of-20 over keys 0..19: every input carries 20 signatures. */
  static final Lock.Multi MULTI20 = Lock.Multi.sorted(20, TestKeys.keys(20));

  static final Lock.Multi MULTI2OF3 =
      Lock.Multi.sorted(2, List.of(TestKeys.key(1), TestKeys.key(2), TestKeys.key(3)));
  static final int AFTER_HEIGHT = HEIGHT + 1;
  static final Lock AFTER =
      new Lock.And(List.of(TestChain.minerLock(), new Lock.After(AFTER_HEIGHT)));
  static final int OLDER_BLOCKS = 10;
  static final Lock OLDER =
      new Lock.And(List.of(TestChain.minerLock(), new Lock.Older(OLDER_BLOCKS)));
  static final Hash32 SECRET =
      Hash32.of(
          TaggedHash.sha256().digest("equinode swap secret".getBytes(StandardCharsets.UTF_8)));
  static final Lock HASHLOCK =
      new Lock.HashLock(Hash32.of(TaggedHash.sha256().digest(SECRET.toByteArray())));

  /** Outputs of the locks transaction, in this order. */
  static final int AFTER_OUT = 0;

  static final int OLDER_OUT = 1;
  static final int HASH_OUT = 2;
  static final int MULTI2OF3_OUT = 3;

  private static final List<Ed25519PrivateKey> MULTI20_KEYS = derivePrivateKeys(MULTI20);
  private static final TestChain CHAIN = build();

  private BaseChain() {}

  /** A fresh copy of the base chain. */
  static TestChain chain() {
    return CHAIN.copy();
  }

  private static TestChain build() {
    TestChain chain = TestChain.genesis();
    chain.mineEmpty(MULTI_HEIGHT - 1);
    List<TxOut> multiOuts = new ArrayList<>();
    for (int i = 0; i < MULTI_OUTPUTS; i++) {
      multiOuts.add(new TxOut(Amount.parse("0.1"), MULTI20.hash()));
    }
    chain.mine(TxMaker.sig(List.of(chain.coinbaseOutput(1)), multiOuts, 0, TestChain.MINER));
    List<TxOut> lockOuts =
        List.of(
            new TxOut(Amount.ofEq(1), AFTER.hash()),
            new TxOut(Amount.ofEq(1), OLDER.hash()),
            new TxOut(Amount.ofEq(1), HASHLOCK.hash()),
            new TxOut(Amount.ofEq(1), MULTI2OF3.hash()));
    chain.mine(TxMaker.sig(List.of(chain.coinbaseOutput(2)), lockOuts, 0, TestChain.MINER));
    chain.mineEmpty(HEIGHT - LOCKS_HEIGHT);
    return chain;
  }

  /** Output {@code i} of the 400 MULTI outputs. */
  static Utxo multiOutput(int i) {
    return TestChain.output(CHAIN.block(MULTI_HEIGHT).txs().get(1), i, MULTI_HEIGHT);
  }

  /** Output {@code i} of the locks transaction. */
  static Utxo lockOutput(int i) {
    return TestChain.output(CHAIN.block(LOCKS_HEIGHT).txs().get(1), i, LOCKS_HEIGHT);
  }

  /** The private keys of {@code lock}, in the lock's key order (keys 0..19 of {@link TestKeys}). */
  static List<Ed25519PrivateKey> privateKeys(Lock.Multi lock) {
    return MULTI20.equals(lock) ? MULTI20_KEYS : derivePrivateKeys(lock);
  }

  private static List<Ed25519PrivateKey> derivePrivateKeys(Lock.Multi lock) {
    List<Ed25519PrivateKey> candidates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      candidates.add(TestKeys.privateKey(i));
    }
    List<Ed25519PrivateKey> keys = new ArrayList<>();
    for (var publicKey : lock.keys()) {
      candidates.stream()
          .filter(key -> key.publicKey().equals(publicKey))
          .findFirst()
          .ifPresent(keys::add);
    }
    return List.copyOf(keys);
  }

  /** The witness of a MULTI input signed by the keys at {@code positions} of {@code lock}. */
  static InputWitness.Spend multiWitness(
      Lock.Multi lock, SigHash sigHash, int input, int... positions) {
    List<Ed25519PrivateKey> keys = privateKeys(lock);
    List<Ed25519Signature> signatures = new ArrayList<>();
    int mask = 0;
    for (int position : positions) {
      mask |= 1 << position;
      signatures.add(TxMaker.sign(keys.get(position), sigHash, input));
    }
    return new InputWitness.Spend(lock, new Witness.Multi(mask, signatures));
  }

  /** All 20 positions of {@link #MULTI20}. */
  static int[] allTwenty() {
    int[] positions = new int[20];
    for (int i = 0; i < 20; i++) {
      positions[i] = i;
    }
    return positions;
  }
}
