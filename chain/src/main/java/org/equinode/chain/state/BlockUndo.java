package org.equinode.chain.state;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.ChainException;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.tx.OutPoint;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;

/**
 * What disconnecting a block must put back: the coins its transactions spent, in block order (the
 * first non-coinbase transaction's inputs in input order, then the next transaction's, and so on).
 * The outpoints are not stored; they are the block's own inputs.
 *
 * <p>Stored form: CompactSize count (at most {@link #MAX_SPENT_COINS}) ‖ that many coins in the
 * {@link CoinCodec} form.
 *
 * @param spent the spent coins in block order
 */
public record BlockUndo(List<Coin> spent) {
  /** Every input takes at least its 36-byte outpoint, so a block spends at most this many coins. */
  public static final int MAX_SPENT_COINS = Block.MAX_BLOCK_SIZE / OutPoint.ENCODED_LENGTH;

  public BlockUndo {
    spent = List.copyOf(spent);
    if (spent.size() > MAX_SPENT_COINS) {
      throw new ChainException(
          spent.size() + " spent coins exceed MAX_SPENT_COINS " + MAX_SPENT_COINS);
    }
  }

  byte[] encode() {
    ByteWriter writer = ByteWriter.withMaxSize(5 + spent.size() * CoinCodec.ENCODED_LENGTH);
    writer.writeCompactSize(spent.size());
    spent.forEach(coin -> CoinCodec.write(coin, writer));
    return writer.toByteArray();
  }

  /** Decodes exactly one undo record from all of {@code bytes}. */
  static BlockUndo decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    int count = reader.readCount(MAX_SPENT_COINS, "spent coin");
    List<Coin> spent =
        new ArrayList<>(Math.min(count, reader.remaining() / CoinCodec.ENCODED_LENGTH));
    for (int i = 0; i < count; i++) {
      spent.add(CoinCodec.read(reader));
    }
    reader.expectEnd("block undo data");
    return new BlockUndo(spent);
  }
}
