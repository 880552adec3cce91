package org.equinode.chain;

import java.util.ArrayList;
import java.util.List;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.crypto.Ed25519PublicKey;

/** Deterministic Ed25519 keys for tests: key {@code i} has the seed {@code i, i, ..., i}. */
public final class TestKeys {
  private TestKeys() {}

  public static Ed25519PrivateKey privateKey(int i) {
    byte[] seed = new byte[Ed25519PrivateKey.SEED_LENGTH];
    java.util.Arrays.fill(seed, (byte) (i + 1));
    return Ed25519PrivateKey.fromSeed(seed);
  }

  public static Ed25519PublicKey key(int i) {
    return privateKey(i).publicKey();
  }

  /** Public keys {@code 0..count-1}. */
  public static List<Ed25519PublicKey> keys(int count) {
    List<Ed25519PublicKey> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(key(i));
    }
    return out;
  }
}
