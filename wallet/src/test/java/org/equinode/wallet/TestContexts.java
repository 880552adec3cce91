package org.equinode.wallet;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.equinode.common.Network;
import org.equinode.common.TimeSource;
import org.equinode.wallet.file.Argon2Params;

/** Wallet contexts for tests: the dev network, a cheap Argon2id cost, a seeded generator. */
public final class TestContexts {
  /** Cheap enough for unit tests: 64 KiB, one pass. */
  public static final Argon2Params CHEAP_KDF = new Argon2Params(64, 1, 1);

  /** A short maturity, so tests need few blocks. */
  public static final int MATURITY = 3;

  private TestContexts() {}

  /** A generator that repeats its output for the same seed. */
  public static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static WalletContext dev(TimeSource time) {
    return new WalletContext(Network.DEV, MATURITY, CHEAP_KDF, time, seeded(7));
  }
}
