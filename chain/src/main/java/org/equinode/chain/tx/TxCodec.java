package org.equinode.chain.tx;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.ChainException;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.LockCodec;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.lock.WitnessCodec;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;

/**
 * The canonical encoding of a transaction (layout in {@code chain/README.md}): the body (version,
 * inputs, outputs, lock time), then one witness per input. The txid hashes the body alone.
 */
public final class TxCodec {
  private static final int VERSION_LENGTH = 4;
  private static final int LOCK_TIME_LENGTH = 4;

  private TxCodec() {}

  /** The length of a body with these counts. */
  static int bodySize(int inputs, int outputs) {
    return VERSION_LENGTH
        + compactSizeLength(inputs)
        + inputs * OutPoint.ENCODED_LENGTH
        + compactSizeLength(outputs)
        + outputs * TxOut.ENCODED_LENGTH
        + LOCK_TIME_LENGTH;
  }

  /** The length of the CompactSize encoding of a count. */
  public static int compactSizeLength(long count) {
    if (count < 0xfd) {
      return 1;
    }
    return count <= 0xffff ? 3 : count <= 0xffff_ffffL ? 5 : 9;
  }

  static byte[] encodeBody(TxBody body) {
    ByteWriter writer = ByteWriter.withMaxSize(Tx.MAX_TX_SIZE);
    writer.writeInt32LE(body.version());
    writer.writeCompactSize(body.inputs().size());
    body.inputs().forEach(input -> input.write(writer));
    writer.writeCompactSize(body.outputs().size());
    body.outputs().forEach(output -> output.write(writer));
    writer.writeInt32LE(body.lockTime());
    return writer.toByteArray();
  }

  static byte[] encode(byte[] body, List<InputWitness> witnesses) {
    ByteWriter writer = ByteWriter.withMaxSize(Tx.MAX_TX_SIZE);
    try {
      writer.writeBytes(body);
      for (InputWitness witness : witnesses) {
        write(witness, writer);
      }
    } catch (IllegalStateException e) {
      throw new TxException("transaction exceeds MAX_TX_SIZE " + Tx.MAX_TX_SIZE + " bytes");
    }
    return writer.toByteArray();
  }

  private static void write(InputWitness witness, ByteWriter writer) {
    switch (witness) {
      case InputWitness.Spend spend -> {
        LockCodec.write(spend.lock(), writer);
        WitnessCodec.write(spend.witness(), writer);
      }
      case InputWitness.Coinbase coinbase -> writer.writeVarBytes(coinbase.data());
    }
  }

  /**
   * Decodes exactly one transaction from all of {@code bytes}.
   *
   * @throws org.equinode.common.DecodeException if the bytes are not a canonical transaction
   */
  public static Tx decode(byte[] bytes) {
    if (bytes.length > Tx.MAX_TX_SIZE) {
      throw new MalformedException(
          "transaction of " + bytes.length + " bytes exceeds MAX_TX_SIZE " + Tx.MAX_TX_SIZE);
    }
    ByteReader reader = ByteReader.of(bytes);
    Tx tx = read(reader);
    reader.expectEnd("transaction");
    return tx;
  }

  /** Reads one transaction from {@code reader}, leaving the reader just after it. */
  public static Tx read(ByteReader reader) {
    int version = reader.readInt32LE();
    int inputCount = reader.readCount(Tx.MAX_INPUTS, "input");
    List<OutPoint> inputs = new ArrayList<>(inputCount);
    for (int i = 0; i < inputCount; i++) {
      inputs.add(OutPoint.read(reader));
    }
    int outputCount = reader.readCount(Tx.MAX_OUTPUTS, "output");
    List<TxOut> outputs = new ArrayList<>(outputCount);
    for (int i = 0; i < outputCount; i++) {
      outputs.add(TxOut.read(reader));
    }
    long lockTime = reader.readU32LE();
    if (lockTime > Lock.MAX_HEIGHT) {
      throw new MalformedException("lock time " + lockTime + " is above " + Lock.MAX_HEIGHT);
    }
    try {
      TxBody body = new TxBody(version, inputs, outputs, (int) lockTime);
      List<InputWitness> witnesses = new ArrayList<>(inputCount);
      for (OutPoint input : inputs) {
        witnesses.add(readWitness(reader, input.isNull()));
      }
      return Tx.of(body, witnesses);
    } catch (ChainException e) {
      throw new MalformedException(String.valueOf(e.getMessage()));
    }
  }

  private static InputWitness readWitness(ByteReader reader, boolean coinbase) {
    if (coinbase) {
      return InputWitness.Coinbase.of(reader.readVarBytes(Tx.MAX_COINBASE_DATA, "coinbase data"));
    }
    Lock lock = LockCodec.read(reader);
    Witness witness = WitnessCodec.read(reader);
    return new InputWitness.Spend(lock, witness);
  }
}
