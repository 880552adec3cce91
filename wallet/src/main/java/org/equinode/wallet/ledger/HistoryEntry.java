package org.equinode.wallet.ledger;

import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.TxId;

/**
 * One transaction as the wallet sees it.
 *
 * @param txId the transaction
 * @param height its block, empty while in the mempool
 * @param confirmations 0 in the mempool, 1 in the tip block, and so on
 * @param time its block's time, or when the wallet first saw it in the mempool (Unix seconds)
 * @param coinbase true for a block reward
 * @param received the total of its outputs paid to the wallet (change included)
 * @param sent the total of the wallet's coins it spends
 * @param fee what it pays the miner, when the wallet knows every input (it built the transaction)
 * @param abandoned true for a pending transaction the wallet gave up ({@code abandontransaction},
 *     or refused for good when offered to the mempool again): it spends nothing any more, and is
 *     shown with what it did when it was given up; never confirmed
 */
public record HistoryEntry(
    TxId txId,
    Optional<Integer> height,
    int confirmations,
    long time,
    boolean coinbase,
    Amount received,
    Amount sent,
    Optional<Amount> fee,
    boolean abandoned) {
  public HistoryEntry {
    if (abandoned && height.isPresent()) {
      throw new IllegalArgumentException("transaction " + txId + " is abandoned and confirmed");
    }
  }

  /** This entry as it stays in the history once its transaction is given up. */
  HistoryEntry asAbandoned() {
    return new HistoryEntry(txId, Optional.empty(), 0, time, coinbase, received, sent, fee, true);
  }

  /** What the transaction changed for the wallet, in base units: negative when it paid out. */
  public long netUnits() {
    return received.units() - sent.units();
  }
}
