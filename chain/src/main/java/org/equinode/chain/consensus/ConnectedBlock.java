package org.equinode.chain.consensus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.equinode.chain.Amount;
import org.equinode.chain.tx.OutPoint;

/**
 * A block that passed every rule against the UTXO set of its parent, with what connecting it
 * changes.
 *
 * @param height its height
 * @param fees the sum of its transactions' fees
 * @param sigChecks the signatures verified
 * @param spent every coin its inputs spend, in block order; coins created earlier in the same block
 *     included
 * @param created every output it creates, in block order, the coinbase's first
 */
public record ConnectedBlock(
    int height, Amount fees, int sigChecks, List<Utxo> spent, List<Utxo> created) {
  public ConnectedBlock {
    spent = List.copyOf(spent);
    created = List.copyOf(created);
  }

  /**
   * The coins to remove from the parent's UTXO set: those spent that existed before the block. This
   * is the undo data: disconnecting the block puts them back.
   */
  public List<Utxo> removed() {
    Set<OutPoint> inBlock = outPoints(created);
    return spent.stream().filter(utxo -> !inBlock.contains(utxo.outPoint())).toList();
  }

  /** The coins to add: those created and not spent within the block. */
  public List<Utxo> added() {
    Set<OutPoint> spentInBlock = outPoints(spent);
    return created.stream().filter(utxo -> !spentInBlock.contains(utxo.outPoint())).toList();
  }

  private static Set<OutPoint> outPoints(List<Utxo> utxos) {
    Set<OutPoint> out = new HashSet<>();
    utxos.forEach(utxo -> out.add(utxo.outPoint()));
    return out;
  }
}
