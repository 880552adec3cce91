package org.equinode.chain.consensus;

import static org.equinode.chain.consensus.ConsensusVector.accept;
import static org.equinode.chain.consensus.ConsensusVector.reject;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.TestKeys;
import org.equinode.chain.TxId;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.SampleTxs;
import org.equinode.chain.tx.SigHash;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PrivateKey;

/** Vectors of the spending rules: inputs, maturity, amounts, locks and witnesses, finality. */
final class SpendVectors {
  private static final int NEXT = BaseChain.HEIGHT + 1;

  private SpendVectors() {}

  static List<ConsensusVector> all() {
    TestChain base = BaseChain.chain();
    List<ConsensusVector> vectors = new ArrayList<>();
    vectors.addAll(inputs(base));
    vectors.addAll(locks(base));
    return vectors;
  }

  private static TxOut pay(Amount amount) {
    return new TxOut(amount, SampleTxs.address(7));
  }

  private static List<ConsensusVector> inputs(TestChain base) {
    List<ConsensusVector> vectors = new ArrayList<>();
    Tx mature = BodyVectors.spendCoinbase(base, NEXT - 100, 1);
    vectors.add(
        accept(
            "spending a coinbase exactly 100 blocks old",
            base,
            base.next().add(mature).build(),
            RejectReason.PREMATURE_COINBASE_SPEND,
            RejectReason.MISSING_OR_SPENT_INPUTS,
            RejectReason.LOCK_MISMATCH,
            RejectReason.OVERSPEND,
            RejectReason.BAD_WITNESS));
    vectors.add(
        reject(
            "spending a coinbase 99 blocks old",
            RejectReason.PREMATURE_COINBASE_SPEND,
            base,
            base.next().add(BodyVectors.spendCoinbase(base, NEXT - 99, 1)).build()));
    Utxo ghost =
        new Utxo(new OutPoint(TxId.parse("ee".repeat(32)), 0), base.coinbaseOutput(3).coin());
    vectors.add(
        reject(
            "spending an output that never existed",
            RejectReason.MISSING_OR_SPENT_INPUTS,
            base,
            base.next()
                .add(TxMaker.sig(List.of(ghost), List.of(pay(Amount.ofEq(1))), 0, TestChain.MINER))
                .build()));
    TestChain spentBefore = base.copy();
    spentBefore.mine(BodyVectors.spendCoinbase(base, 3, 1));
    vectors.add(
        reject(
            "spending an output spent in the previous block",
            RejectReason.MISSING_OR_SPENT_INPUTS,
            spentBefore,
            spentBefore.next().add(BodyVectors.spendCoinbase(base, 3, 2)).build()));
    Tx parent = BodyVectors.spendCoinbase(base, 4, 1);
    Tx child =
        TxMaker.sig(
            List.of(TestChain.output(parent, 0, NEXT)),
            List.of(pay(Amount.ofEq(48))),
            0,
            TestKeys.privateKey(7));
    vectors.add(
        accept(
            "spending an output created earlier in the same block",
            base,
            base.next().add(parent, child).build(),
            RejectReason.MISSING_OR_SPENT_INPUTS));
    vectors.add(
        reject(
            "spending an output created later in the same block",
            RejectReason.MISSING_OR_SPENT_INPUTS,
            base,
            base.next().add(child, parent).build()));
    vectors.add(
        reject(
            "creating one unit more than the inputs",
            RejectReason.OVERSPEND,
            base,
            base.next()
                .add(
                    TxMaker.sig(
                        List.of(base.coinbaseOutput(3)),
                        List.of(pay(Amount.ofEq(50).add(Amount.ofUnits(1)))),
                        0,
                        TestChain.MINER))
                .build()));
    Tx wrongKey =
        TxMaker.spend(
            List.of(base.coinbaseOutput(3)),
            List.of(pay(Amount.ofEq(49))),
            0,
            (sigHash, i) -> sig(TestChain.MINER, TestKeys.privateKey(5), sigHash, i));
    vectors.add(
        reject(
            "a signature by another key",
            RejectReason.BAD_WITNESS,
            base,
            base.next().add(wrongKey).build()));
    Tx otherLock =
        TxMaker.sig(
            List.of(base.coinbaseOutput(3)),
            List.of(pay(Amount.ofEq(49))),
            0,
            TestKeys.privateKey(5));
    vectors.add(
        reject(
            "revealing another lock than the output pays to",
            RejectReason.LOCK_MISMATCH,
            base,
            base.next().add(otherLock).build()));
    Tx nonFinal =
        TxMaker.sig(
            List.of(base.coinbaseOutput(3)),
            List.of(pay(Amount.ofEq(49))),
            NEXT + 1,
            TestChain.MINER);
    vectors.add(
        reject(
            "a lock time above the block's height",
            RejectReason.NON_FINAL,
            base,
            base.next().add(nonFinal).build()));
    return vectors;
  }

  /** A SIG witness for {@code lockKey}'s lock, signed by {@code signer}. */
  private static InputWitness.Spend sig(
      Ed25519PrivateKey lockKey, Ed25519PrivateKey signer, SigHash sigHash, int input) {
    return new InputWitness.Spend(
        new Lock.Sig(lockKey.publicKey()), new Witness.Sig(TxMaker.sign(signer, sigHash, input)));
  }

  private static Witness.Sig minerSignature(SigHash sigHash, int input) {
    return new Witness.Sig(TxMaker.sign(TestChain.MINER, sigHash, input));
  }

  private static List<ConsensusVector> locks(TestChain base) {
    List<ConsensusVector> vectors = new ArrayList<>();
    Utxo after = BaseChain.lockOutput(BaseChain.AFTER_OUT);
    vectors.add(
        accept(
            "AFTER(111) at height 111 with lock time 111",
            base,
            base.next().add(spendAfter(after, NEXT)).build(),
            RejectReason.BAD_WITNESS,
            RejectReason.NON_FINAL));
    vectors.add(
        reject(
            "AFTER(111) with lock time 110",
            RejectReason.BAD_WITNESS,
            base,
            base.next().add(spendAfter(after, NEXT - 1)).build()));

    Utxo older = BaseChain.lockOutput(BaseChain.OLDER_OUT);
    Tx spendOlder =
        TxMaker.spend(
            List.of(older),
            List.of(pay(Amount.parse("0.9"))),
            0,
            (sigHash, i) ->
                new InputWitness.Spend(
                    BaseChain.OLDER,
                    new Witness.And(List.of(minerSignature(sigHash, i), new Witness.Older()))));
    vectors.add(
        reject(
            "OLDER(10) on an output 9 blocks old",
            RejectReason.BAD_WITNESS,
            base,
            base.next().add(spendOlder).build()));
    TestChain oneLater = base.copy();
    oneLater.mine();
    vectors.add(
        accept(
            "OLDER(10) on an output 10 blocks old",
            oneLater,
            oneLater.next().add(spendOlder).build(),
            RejectReason.BAD_WITNESS));

    Utxo hashed = BaseChain.lockOutput(BaseChain.HASH_OUT);
    vectors.add(
        accept(
            "a hash lock with its preimage",
            base,
            base.next().add(spendHash(hashed, BaseChain.SECRET)).build(),
            RejectReason.BAD_WITNESS));
    vectors.add(
        reject(
            "a hash lock with another preimage",
            RejectReason.BAD_WITNESS,
            base,
            base.next().add(spendHash(hashed, Hash32.parse("5e".repeat(32)))).build()));

    Utxo multi = BaseChain.lockOutput(BaseChain.MULTI2OF3_OUT);
    vectors.add(
        accept(
            "2-of-3 MULTI with two signatures",
            base,
            base.next().add(spendMulti(multi, 0, 2)).build(),
            RejectReason.BAD_WITNESS));
    vectors.add(
        reject(
            "2-of-3 MULTI with one signature missing",
            RejectReason.BAD_WITNESS,
            base,
            base.next().add(spendMulti(multi, 1)).build()));
    return vectors;
  }

  private static Tx spendAfter(Utxo after, int lockTime) {
    return TxMaker.spend(
        List.of(after),
        List.of(pay(Amount.parse("0.9"))),
        lockTime,
        (sigHash, i) ->
            new InputWitness.Spend(
                BaseChain.AFTER,
                new Witness.And(List.of(minerSignature(sigHash, i), new Witness.After()))));
  }

  private static Tx spendHash(Utxo hashed, Hash32 preimage) {
    return TxMaker.spend(
        List.of(hashed),
        List.of(pay(Amount.parse("0.9"))),
        0,
        (sigHash, i) -> new InputWitness.Spend(BaseChain.HASHLOCK, new Witness.Preimage(preimage)));
  }

  private static Tx spendMulti(Utxo multi, int... positions) {
    return TxMaker.spend(
        List.of(multi),
        List.of(pay(Amount.parse("0.9"))),
        0,
        (sigHash, i) -> BaseChain.multiWitness(BaseChain.MULTI2OF3, sigHash, i, positions));
  }
}
