package org.equinode.chain.state;

import java.util.List;
import java.util.Optional;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.tx.Tx;
import org.equinode.common.DecodeException;

/**
 * The transaction index: {@code 14 ‖ txid → }{@link TxLocation} for every transaction of the active
 * chain above the genesis block. Its records go into the same batch as the block's connect or
 * disconnect, so that the index always describes exactly the active chain: a transaction of a
 * branch that lost a reorganisation is no longer found, unless the winning branch holds it too.
 * Txids are unique on one chain (a coinbase carries its height, and any other transaction spends
 * outputs that can be spent only once), so one record per txid suffices.
 */
final class TxIndex {
  private TxIndex() {}

  /** Adds {@code block}'s transactions to {@code batch}, which connects it. */
  static void connect(StateBatch batch, Block block) {
    List<Tx> txs = block.txs();
    for (int i = 0; i < txs.size(); i++) {
      batch.putTxLocation(txs.get(i).txId(), new TxLocation(block.hash(), i));
    }
  }

  /** Removes {@code block}'s transactions in {@code batch}, which disconnects it. */
  static void disconnect(StateBatch batch, Block block) {
    for (Tx tx : block.txs()) {
      batch.deleteTxLocation(tx.txId());
    }
  }

  /**
   * Where the active chain holds {@code txId}.
   *
   * @throws ChainStateException if the record does not decode
   */
  static Optional<TxLocation> find(ChainStore store, TxId txId) {
    Optional<byte[]> bytes = store.store().get(StateKeys.txLocation(txId));
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TxLocation.decode(bytes.get()));
    } catch (DecodeException e) {
      throw store.damaged("the index record of " + txId + " does not decode: " + e.getMessage());
    }
  }

  /**
   * The transaction at {@code at}, checked to be {@code txId}.
   *
   * @throws ChainStateException if the block is missing or the position holds something else
   */
  static Tx read(ChainStore store, TxId txId, TxLocation at) {
    Block block =
        store
            .block(at.block())
            .orElseThrow(
                () ->
                    store.damaged(
                        "the index places " + txId + " in block " + at.block() + ", not stored"));
    List<Tx> txs = block.txs();
    if (at.position() >= txs.size() || !txs.get(at.position()).txId().equals(txId)) {
      throw store.damaged(
          "the index places "
              + txId
              + " at position "
              + at.position()
              + " of block "
              + at.block()
              + ", which holds another transaction");
    }
    return txs.get(at.position());
  }
}
