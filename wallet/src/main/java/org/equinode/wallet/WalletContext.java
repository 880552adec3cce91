package org.equinode.wallet;

import java.security.SecureRandom;
import org.equinode.common.Network;
import org.equinode.common.TimeSource;
import org.equinode.wallet.file.Argon2Params;

/**
 * What every wallet of a node shares: the network, the chain's coinbase maturity, the cost of the
 * key derivation for files it writes, the clock (unlock timeouts, first-seen times) and the source
 * of randomness (mnemonics, salts, nonces, output order).
 *
 * @param network the network whose addresses the wallets use; a file of another network is refused
 * @param coinbaseMaturity confirmations a coinbase output needs before it can be spent
 * @param kdf the Argon2id cost of files written from now on
 * @param time the clock
 * @param random a cryptographically strong generator
 */
public record WalletContext(
    Network network, int coinbaseMaturity, Argon2Params kdf, TimeSource time, SecureRandom random) {
  /** The chain's rule: a coinbase matures after 100 blocks. */
  public static final int DEFAULT_COINBASE_MATURITY = 100;

  public WalletContext {
    if (coinbaseMaturity < 1) {
      throw new WalletException("coinbase maturity must be at least 1, got " + coinbaseMaturity);
    }
  }

  /** The defaults for {@code network}: maturity 100 and {@link Argon2Params#DEFAULT}. */
  public static WalletContext of(Network network, TimeSource time, SecureRandom random) {
    return new WalletContext(
        network, DEFAULT_COINBASE_MATURITY, Argon2Params.DEFAULT, time, random);
  }
}
