package org.equinode.chain.tx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.equinode.chain.ChainHashes;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.equinode.crypto.TaggedHash;

/**
 * The signature hashes of a transaction's inputs: for input {@code i},
 *
 * <pre>H(eq/sighash, body ‖ spent[0] ‖ … ‖ spent[n-1] ‖ u32 i)</pre>
 *
 * where {@code body} is the encoding without witnesses and each {@code spent[j]} is the output
 * input {@code j} spends, encoded as amount ({@code u64}) then lock hash (32 bytes). Every
 * signature thus commits to the whole transaction, to every spent amount (so the fee) and lock, and
 * to its input.
 *
 * <p>The common prefix is hashed once and its state copied per input, so the cost grows linearly
 * with the transaction's size rather than with its size times its inputs. The result is exactly the
 * tagged hash of the concatenation above. Thread-safe.
 */
public final class SigHash {
  private final MessageDigest prefix;
  private final int inputs;

  private SigHash(MessageDigest prefix, int inputs) {
    this.prefix = prefix;
    this.inputs = inputs;
  }

  /**
   * The signature hashes of {@code body}'s inputs.
   *
   * @param spent the output each input spends, in input order
   * @throws TxException if {@code body} is a coinbase or {@code spent} has the wrong size
   */
  public static SigHash of(TxBody body, List<TxOut> spent) {
    if (body.isCoinbase()) {
      throw new TxException("a coinbase has no signature hash");
    }
    if (spent.size() != body.inputs().size()) {
      throw new TxException(
          spent.size() + " spent outputs for " + body.inputs().size() + " inputs");
    }
    MessageDigest digest = TaggedHash.sha256();
    byte[] tagHash =
        TaggedHash.sha256().digest(ChainHashes.SIGHASH.tag().getBytes(StandardCharsets.UTF_8));
    digest.update(tagHash);
    digest.update(tagHash);
    digest.update(body.encode());
    ByteWriter writer = ByteWriter.withMaxSize(spent.size() * TxOut.ENCODED_LENGTH);
    spent.forEach(output -> output.write(writer));
    digest.update(writer.toByteArray());
    return new SigHash(digest, spent.size());
  }

  /** The hash that signatures in input {@code index}'s witness sign. */
  public Hash32 forInput(int index) {
    if (index < 0 || index >= inputs) {
      throw new TxException("input " + index + " is outside 0.." + (inputs - 1));
    }
    MessageDigest digest;
    try {
      synchronized (prefix) {
        digest = (MessageDigest) prefix.clone();
      }
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
    }
    digest.update(ByteWriter.withMaxSize(4).writeInt32LE(index).toByteArray());
    return Hash32.of(digest.digest());
  }
}
