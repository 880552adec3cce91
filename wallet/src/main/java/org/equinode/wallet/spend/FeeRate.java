package org.equinode.wallet.spend;

import org.equinode.chain.Amount;
import org.equinode.wallet.WalletException;

/**
 * What a transaction pays per byte of its full encoding, witnesses included, in base units.
 *
 * @param unitsPerByte 0 to {@link #MAX_UNITS_PER_BYTE}
 */
public record FeeRate(long unitsPerByte) {
  /** A sanity bound: 0.001 EQ per byte, so a 200-byte payment costs at most 0.2 EQ in fees. */
  public static final long MAX_UNITS_PER_BYTE = 100_000;

  public FeeRate {
    if (unitsPerByte < 0 || unitsPerByte > MAX_UNITS_PER_BYTE) {
      throw new WalletException(
          "a fee rate is 0 to " + MAX_UNITS_PER_BYTE + " units per byte, got " + unitsPerByte);
    }
  }

  public static FeeRate ofUnitsPerByte(long unitsPerByte) {
    return new FeeRate(unitsPerByte);
  }

  /** The fee for {@code bytes} bytes. */
  public Amount fee(int bytes) {
    return Amount.ofUnits(cost(bytes));
  }

  /** The fee for {@code bytes} bytes in units; never above {@link Amount#MAX_MONEY} in practice. */
  long cost(long bytes) {
    return unitsPerByte * bytes;
  }

  @Override
  public String toString() {
    return unitsPerByte + " units/byte";
  }
}
