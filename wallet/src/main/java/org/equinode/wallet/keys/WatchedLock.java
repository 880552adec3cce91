package org.equinode.wallet.keys;

import java.util.Optional;
import org.equinode.chain.LockHash;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.LockCodec;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;

/**
 * A lock other than a plain address that the wallet created and can satisfy alone or help satisfy:
 * an escrow ({@code MULTI}) or a hash-time-lock. The wallet keeps the lock itself, because a
 * spender must reveal it and the chain only shows its hash.
 *
 * @param lock the lock
 * @param label what the user called it
 */
public record WatchedLock(Lock lock, Optional<Label> label) {
  /** What outputs paying to this lock carry. */
  public LockHash hash() {
    return lock.hash();
  }

  /** The lock's canonical encoding, then a presence byte and the label. */
  public void write(ByteWriter writer) {
    LockCodec.write(lock, writer);
    writer.writeBoolean(label.isPresent());
    label.ifPresent(l -> l.write(writer));
  }

  public static WatchedLock read(ByteReader reader) {
    Lock lock = LockCodec.read(reader);
    Optional<Label> label =
        reader.readBoolean() ? Optional.of(Label.read(reader)) : Optional.empty();
    return new WatchedLock(lock, label);
  }
}
