package org.equinode.wallet.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.BlockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxCodec;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's part of the public section:
 *
 * <pre>
 * u8 has-tip ‖ [u32 height ‖ block hash (32)]
 * cs n ‖ n × (u8 confirmed ‖ [u32 height ‖ block hash (32) ‖ cs index] ‖ u64 time ‖ tx)
 * cs m ‖ m × (txid (32) ‖ u64 time ‖ u64 received ‖ u64 sent ‖ u8 has-fee ‖ [u64 fee])
 * </pre>
 *
 * The last line, the abandoned transactions in the order given up, is absent in public section
 * version 1.
 *
 * <p>Canonical: confirmed transactions first, strictly ascending by height and position, at most
 * the tip's height and with one block hash per height (the tip's at its height); then pending ones
 * in the order they were seen. A transaction is a coinbase exactly when it is confirmed at position
 * 0.
 */
final class LedgerCodec {
  private LedgerCodec() {}

  static void write(@Nullable BlockRef tip, List<WalletLedger.Entry> entries, ByteWriter writer) {
    writer.writeBoolean(tip != null);
    if (tip != null) {
      tip.write(writer);
    }
    writer.writeCompactSize(entries.size());
    for (WalletLedger.Entry entry : entries) {
      WalletTx wtx = entry.wtx();
      writer.writeBoolean(wtx.isConfirmed());
      wtx.block()
          .ifPresent(
              p -> {
                writer.writeInt32LE(p.height());
                p.hash().write(writer);
                writer.writeCompactSize(p.index());
              });
      writer.writeInt64LE(wtx.time());
      writer.writeBytes(wtx.tx().encode());
    }
  }

  static @Nullable BlockRef readTip(ByteReader reader) {
    return reader.readBoolean() ? BlockRef.read(reader) : null;
  }

  static List<WalletTx> readTxs(ByteReader reader, @Nullable BlockRef tip) {
    int count = reader.readCount(WalletLedger.MAX_TXS, "wallet transaction");
    List<WalletTx> out = new ArrayList<>();
    WalletTx.Position previous = null;
    boolean pendingSeen = false;
    for (int i = 0; i < count; i++) {
      String where = "wallet transaction " + i;
      Optional<WalletTx.Position> block = Optional.empty();
      if (reader.readBoolean()) {
        if (pendingSeen) {
          throw new MalformedException(where + " is confirmed but follows a pending one");
        }
        WalletTx.Position position = readPosition(reader, where);
        checkOrder(previous, position, tip, where);
        previous = position;
        block = Optional.of(position);
      } else {
        pendingSeen = true;
      }
      long time = reader.readInt64LE();
      if (time < 0) {
        throw new MalformedException(where + " has a negative time");
      }
      Tx tx = TxCodec.read(reader);
      boolean firstInBlock = block.map(p -> p.index() == 0).orElse(false);
      if (tx.isCoinbase() != firstInBlock) {
        throw new MalformedException(
            where + (tx.isCoinbase() ? " is a coinbase" : " is not a coinbase") + " at its place");
      }
      out.add(new WalletTx(tx, block, time));
    }
    return out;
  }

  private static WalletTx.Position readPosition(ByteReader reader, String where) {
    int height = reader.readInt32LE();
    if (height < 0) {
      throw new MalformedException(where + " has a block height above 2^31 - 1");
    }
    BlockHash hash = BlockHash.read(reader);
    int index = reader.readCount(Block.MAX_BLOCK_TXS - 1, "position in block");
    return new WalletTx.Position(height, hash, index);
  }

  private static void checkOrder(
      WalletTx.@Nullable Position previous,
      WalletTx.Position position,
      @Nullable BlockRef tip,
      String where) {
    if (tip == null || position.height() > tip.height()) {
      throw new MalformedException(where + " is confirmed above the wallet's tip");
    }
    if (position.height() == tip.height() && !position.hash().equals(tip.hash())) {
      throw new MalformedException(where + " is confirmed in another block than the tip");
    }
    if (previous != null) {
      boolean sameBlock = previous.height() == position.height();
      if (position.height() < previous.height()
          || (sameBlock && position.index() <= previous.index())) {
        throw new MalformedException(where + " is out of block order");
      }
      if (sameBlock && !previous.hash().equals(position.hash())) {
        throw new MalformedException(where + " names another block at the same height");
      }
    }
  }

  static void writeAbandoned(List<HistoryEntry> abandoned, ByteWriter writer) {
    writer.writeCompactSize(abandoned.size());
    for (HistoryEntry entry : abandoned) {
      entry.txId().hash().write(writer);
      writer.writeInt64LE(entry.time());
      writer.writeInt64LE(entry.received().units());
      writer.writeInt64LE(entry.sent().units());
      writer.writeBoolean(entry.fee().isPresent());
      entry.fee().ifPresent(fee -> writer.writeInt64LE(fee.units()));
    }
  }

  static List<HistoryEntry> readAbandoned(ByteReader reader) {
    int count = reader.readCount(WalletLedger.MAX_TXS, "abandoned transaction");
    List<HistoryEntry> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String where = "abandoned transaction " + i;
      TxId txId = TxId.read(reader);
      long time = reader.readInt64LE();
      if (time < 0) {
        throw new MalformedException(where + " has a negative time");
      }
      Amount received = readAmount(reader, where);
      Amount sent = readAmount(reader, where);
      Optional<Amount> fee =
          reader.readBoolean() ? Optional.of(readAmount(reader, where)) : Optional.empty();
      out.add(new HistoryEntry(txId, Optional.empty(), 0, time, false, received, sent, fee, true));
    }
    return out;
  }

  private static Amount readAmount(ByteReader reader, String where) {
    long units = reader.readInt64LE();
    if (units < 0 || units > Amount.MAX_MONEY) {
      throw new MalformedException(where + " has an amount outside 0..MAX_MONEY: " + units);
    }
    return Amount.ofUnits(units);
  }
}
