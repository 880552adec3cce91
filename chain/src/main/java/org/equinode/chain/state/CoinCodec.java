package org.equinode.chain.state;

import org.equinode.chain.consensus.Coin;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;

/**
 * The stored form of a {@link Coin}, 45 bytes: the output (amount {@code u64} ‖ lock hash 32), the
 * creating block's height ({@code u32}, at most 2^31 − 1), then a flag byte that is 1 for a
 * coinbase's output and 0 otherwise.
 */
final class CoinCodec {
  /** The length of an encoded coin. */
  static final int ENCODED_LENGTH = TxOut.ENCODED_LENGTH + 4 + 1;

  private CoinCodec() {}

  static void write(Coin coin, ByteWriter writer) {
    coin.output().write(writer);
    writer.writeInt32LE(coin.height());
    writer.writeBoolean(coin.coinbase());
  }

  static byte[] encode(Coin coin) {
    ByteWriter writer = ByteWriter.withMaxSize(ENCODED_LENGTH);
    write(coin, writer);
    return writer.toByteArray();
  }

  static Coin read(ByteReader reader) {
    TxOut output = TxOut.read(reader);
    int height = reader.readInt32LE();
    if (height < 0) {
      throw new MalformedException(
          "coin height " + Integer.toUnsignedString(height) + " is above 2^31-1");
    }
    return new Coin(output, height, reader.readBoolean());
  }

  /** Decodes exactly one coin from all of {@code bytes}. */
  static Coin decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    Coin coin = read(reader);
    reader.expectEnd("coin");
    return coin;
  }
}
