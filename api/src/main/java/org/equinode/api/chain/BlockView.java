package org.equinode.api.chain;

import java.util.List;
import java.util.Optional;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.state.ChainState;
import org.equinode.common.Hex;

/**
 * A block as JSON, in the shape of bitcoind's {@code getblock}.
 *
 * @param hash the block's hash
 * @param confirmations 1 for the tip, more below it; -1 off the active chain
 * @param height its height
 * @param version header version
 * @param previousblockhash its parent (absent for the genesis block)
 * @param merkleroot the tx merkle root
 * @param witnessroot the witness merkle root
 * @param time header time, seconds since the epoch
 * @param bits the compact target, hex
 * @param nonce the nonce
 * @param size the encoded size in bytes
 * @param ntx the number of transactions
 * @param tx txids (verbosity 1) or whole transactions (verbosity 2)
 */
public record BlockView(
    String hash,
    int confirmations,
    int height,
    int version,
    Optional<String> previousblockhash,
    String merkleroot,
    String witnessroot,
    long time,
    String bits,
    long nonce,
    int size,
    int ntx,
    List<Object> tx) {
  /** The view of {@code block} at {@code height}; transactions in full when {@code verbose}. */
  public static BlockView of(Block block, int height, ChainState chain, boolean verbose) {
    BlockHeader header = block.header();
    boolean active = chain.isOnActiveChain(block.hash());
    int confirmations = active ? chain.tip().height() - height + 1 : -1;
    List<Object> txs =
        block.txs().stream()
            .<Object>map(
                tx ->
                    verbose
                        ? TxView.of(tx, chain.params().network(), false)
                        : tx.txId().hash().toString())
            .toList();
    return new BlockView(
        block.hash().hash().toString(),
        confirmations,
        height,
        header.version(),
        height == 0 ? Optional.empty() : Optional.of(header.previous().hash().toString()),
        header.txRoot().toString(),
        header.witnessRoot().toString(),
        header.time(),
        String.format("%08x", header.bits().bits()),
        header.nonce(),
        block.encode().length,
        block.txs().size(),
        txs);
  }

  /** The hex of the whole block, for verbosity 0. */
  static String hex(Block block) {
    return Hex.encode(block.encode());
  }
}
