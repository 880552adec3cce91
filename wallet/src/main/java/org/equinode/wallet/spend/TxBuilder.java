package org.equinode.wallet.spend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.chain.Amount;
import org.equinode.chain.ChainException;
import org.equinode.chain.LockHash;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.chain.tx.TxCodec;
import org.equinode.chain.tx.TxOut;
import org.equinode.wallet.InsufficientFundsException;
import org.equinode.wallet.WalletException;

/**
 * Builds transactions at a fee rate: chooses coins ({@link CoinSelector}), adds change when it is
 * worth an output, orders inputs and outputs at random, and sets the lock time. The fee is the rate
 * times the size of the full encoding, measured by building the transaction with placeholder
 * signatures, which have the real length. Signing is left to the {@link UnsignedTx} it returns.
 *
 * <p>The lock time is the tip's height (so that a miner who rewrites the last block cannot take
 * this transaction along with it for its fee, as Bitcoin Core does), or the highest {@code AFTER}
 * an input needs, whichever is higher.
 */
public final class TxBuilder {
  /**
   * The smallest output the builder creates: change below it goes to the fee, and a payment below
   * it is refused. At a few units per byte, spending an output costs more than this.
   */
  public static final Amount DUST_THRESHOLD = Amount.ofUnits(1_000);

  /** The version of the transactions built. */
  public static final int TX_VERSION = 1;

  /** The bytes of an input spending {@code SIG(pk)}: outpoint 36, lock 33, witness 65. */
  public static final int SIG_INPUT_SIZE = 134;

  private static final int FIXED_SIZE = 4 + 4; // version, lock time

  private final FeeRate rate;
  private final int nextHeight;
  private final RandomGenerator random;

  /**
   * A builder of transactions for the block at {@code nextHeight}.
   *
   * @param rate the fee rate
   * @param nextHeight the height of the block the transaction is meant for (the tip's plus one)
   * @param random orders inputs and places the change output
   */
  public TxBuilder(FeeRate rate, int nextHeight, RandomGenerator random) {
    this.rate = rate;
    this.nextHeight = nextHeight;
    this.random = random;
  }

  /**
   * A transaction paying {@code payments} from some of {@code candidates}, with change to {@code
   * changeTo} if worth it.
   *
   * @throws InsufficientFundsException if the candidates cannot cover the payments and the fee
   * @throws WalletException if there is no payment, too many, or one below {@link #DUST_THRESHOLD}
   */
  public UnsignedTx pay(
      List<Payment> payments, List<SpendableInput> candidates, LockHash changeTo) {
    if (payments.isEmpty()) {
      throw new WalletException("nothing to pay");
    }
    if (payments.size() >= Tx.MAX_OUTPUTS) {
      throw new WalletException(
          "at most "
              + (Tx.MAX_OUTPUTS - 1)
              + " payments fit one transaction, got "
              + payments.size());
    }
    long paying = 0;
    for (Payment payment : payments) {
      if (payment.amount().compareTo(DUST_THRESHOLD) < 0) {
        throw new WalletException(
            "a payment of "
                + payment.amount()
                + " is below the dust threshold of "
                + DUST_THRESHOLD);
      }
      paying += payment.amount().units();
    }
    if (paying > Amount.MAX_MONEY) {
      throw new WalletException("the payments total more than 21000000 EQ");
    }
    List<SpendableInput> usable = new ArrayList<>(candidates);
    usable.sort(Comparator.comparingLong(this::effectiveValue).reversed());
    long[] values = usable.stream().mapToLong(this::effectiveValue).toArray();
    int outputs = payments.size();
    long target = paying + rate.cost(baseSize(outputs));
    long changeOutput = rate.cost(TxOut.ENCODED_LENGTH);
    long costOfChange = changeOutput + rate.cost(SIG_INPUT_SIZE);
    long minChange = changeOutput + DUST_THRESHOLD.units();
    Optional<CoinSelector.Choice> choice =
        CoinSelector.select(values, target, costOfChange, minChange);
    if (choice.isEmpty()) {
      throw insufficient(paying, outputs, usable);
    }
    List<SpendableInput> chosen = new ArrayList<>();
    choice.get().indices().forEach(i -> chosen.add(usable.get(i)));
    boolean changeless = choice.get().changeless();
    while (true) {
      Optional<UnsignedTx> built = complete(payments, paying, chosen, changeTo, changeless);
      if (built.isPresent()) {
        return built.get();
      }
      // The estimate was a few bytes short (a count crossing a CompactSize step): add a coin.
      Optional<SpendableInput> next =
          usable.stream().filter(c -> !chosen.contains(c) && effectiveValue(c) > 0).findFirst();
      if (next.isEmpty()) {
        throw insufficient(paying, outputs, usable);
      }
      chosen.add(next.get());
      changeless = false;
    }
  }

  /**
   * A transaction spending exactly {@code inputs} to one output paying {@code to} all they hold
   * less the fee.
   *
   * @throws InsufficientFundsException if what is left after the fee is below the dust threshold
   */
  public UnsignedTx sweep(List<SpendableInput> inputs, LockHash to) {
    if (inputs.isEmpty()) {
      throw new WalletException("nothing to spend");
    }
    long total = inputs.stream().mapToLong(i -> i.output().amount().units()).sum();
    List<SpendableInput> ordered = shuffled(inputs);
    List<TxOut> outputs = List.of(new TxOut(Amount.ZERO, to));
    int size = measure(ordered, outputs);
    long fee = rate.cost(size);
    if (total - fee < DUST_THRESHOLD.units()) {
      Amount needed = Amount.ofUnits(Math.min(Amount.MAX_MONEY, fee + DUST_THRESHOLD.units()));
      throw new InsufficientFundsException(
          "insufficient funds: spending "
              + Amount.ofUnits(total)
              + " costs a fee of "
              + Amount.ofUnits(Math.min(Amount.MAX_MONEY, fee))
              + ", leaving less than the dust threshold of "
              + DUST_THRESHOLD,
          needed,
          Amount.ofUnits(total));
    }
    return build(ordered, List.of(new TxOut(Amount.ofUnits(total - fee), to)), fee, size);
  }

  private Optional<UnsignedTx> complete(
      List<Payment> payments,
      long paying,
      List<SpendableInput> chosen,
      LockHash changeTo,
      boolean changeless) {
    long total = chosen.stream().mapToLong(c -> c.output().amount().units()).sum();
    List<SpendableInput> ordered = shuffled(chosen);
    List<TxOut> paid = payments.stream().map(Payment::output).toList();
    if (!changeless) {
      List<TxOut> withChange = new ArrayList<>(paid);
      int at = random.nextInt(paid.size() + 1);
      withChange.add(at, new TxOut(Amount.ZERO, changeTo));
      int size = measure(ordered, withChange);
      long change = total - paying - rate.cost(size);
      if (change >= DUST_THRESHOLD.units()) {
        withChange.set(at, new TxOut(Amount.ofUnits(change), changeTo));
        return Optional.of(build(ordered, withChange, rate.cost(size), size));
      }
    }
    int size = measure(ordered, paid);
    if (total - paying < rate.cost(size)) {
      return Optional.empty();
    }
    return Optional.of(build(ordered, paid, total - paying, size));
  }

  private UnsignedTx build(List<SpendableInput> inputs, List<TxOut> outputs, long fee, int size) {
    TxBody body = body(inputs, outputs);
    return new UnsignedTx(body, inputs, Amount.ofUnits(fee), size, nextHeight);
  }

  private TxBody body(List<SpendableInput> inputs, List<TxOut> outputs) {
    int lockTime = Math.max(0, nextHeight - 1);
    for (SpendableInput input : inputs) {
      lockTime = Math.max(lockTime, input.plan().lockTime());
    }
    List<OutPoint> outPoints = inputs.stream().map(SpendableInput::outPoint).toList();
    try {
      return new TxBody(TX_VERSION, outPoints, outputs, lockTime);
    } catch (ChainException e) {
      throw new WalletException("cannot build the transaction: " + e.getMessage());
    }
  }

  /** The full encoded size, built with placeholder signatures of the real length. */
  private int measure(List<SpendableInput> inputs, List<TxOut> outputs) {
    TxBody body = body(inputs, outputs);
    List<InputWitness> witnesses = new ArrayList<>();
    for (SpendableInput input : inputs) {
      witnesses.add(
          new InputWitness.Spend(
              input.lock(), input.plan().witness(k -> WitnessPlan.DUMMY_SIGNATURE)));
    }
    try {
      return Tx.of(body, witnesses).size();
    } catch (ChainException e) {
      throw new WalletException(
          "the transaction would be too large (" + e.getMessage() + "); pay from fewer coins");
    }
  }

  private List<SpendableInput> shuffled(List<SpendableInput> inputs) {
    List<SpendableInput> out = new ArrayList<>(inputs);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      SpendableInput swap = out.get(i);
      out.set(i, out.get(j));
      out.set(j, swap);
    }
    return out;
  }

  private long effectiveValue(SpendableInput input) {
    return input.output().amount().units() - rate.cost(input.size());
  }

  /** The size of a transaction's version, counts, outputs and lock time: all but its inputs. */
  private static int baseSize(int outputs) {
    return FIXED_SIZE + 1 + TxCodec.compactSizeLength(outputs) + outputs * TxOut.ENCODED_LENGTH;
  }

  private InsufficientFundsException insufficient(
      long paying, int outputs, List<SpendableInput> usable) {
    List<SpendableInput> worth = usable.stream().filter(c -> effectiveValue(c) > 0).toList();
    long available = worth.stream().mapToLong(c -> c.output().amount().units()).sum();
    long size = baseSize(outputs) + worth.stream().mapToLong(SpendableInput::size).sum();
    long needed = Math.min(Amount.MAX_MONEY, paying + rate.cost(size));
    return new InsufficientFundsException(
        "insufficient funds: paying "
            + Amount.ofUnits(paying)
            + " needs "
            + Amount.ofUnits(needed)
            + " with the fee, but the spendable coins hold "
            + Amount.ofUnits(available),
        Amount.ofUnits(needed),
        Amount.ofUnits(available));
  }
}
