package org.equinode.chain.state;

import java.security.MessageDigest;
import org.equinode.common.Hash32;
import org.equinode.crypto.TaggedHash;

/**
 * A fingerprint of a whole coin set: how many coins and a SHA-256 over every stored coin record
 * (key ‖ value, 37 + 45 bytes) in key order. Two chain states hold the same coins exactly when
 * their digests are equal. For tests and checks, not consensus.
 *
 * @param coins the number of unspent coins
 * @param digest the hash over all of them
 */
public record UtxoDigest(long coins, Hash32 digest) {
  static UtxoDigest of(ChainStore store) {
    MessageDigest sha = TaggedHash.sha256();
    long[] count = {0};
    store
        .store()
        .scan(
            StateKeys.prefix(StateKeys.COIN),
            (key, value) -> {
              sha.update(key);
              sha.update(value);
              count[0]++;
              return true;
            });
    return new UtxoDigest(count[0], Hash32.of(sha.digest()));
  }
}
