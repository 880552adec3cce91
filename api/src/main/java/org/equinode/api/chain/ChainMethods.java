package org.equinode.api.chain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.equinode.api.RpcErrorCode;
import org.equinode.api.RpcException;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;
import org.equinode.api.SimpleMethod;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.state.BlockIndexEntry;
import org.equinode.chain.state.ChainState;
import org.equinode.chain.state.ChainTip;
import org.equinode.common.Hash32;

/**
 * The read-only chain methods: {@code getblockchaininfo}, {@code getblockcount}, {@code
 * getbestblockhash}, {@code getblockhash}, {@code getblock}. Each is a small {@link RpcMethod};
 * they share this file because each is a few lines over the same {@link ChainState}.
 */
public final class ChainMethods {
  private ChainMethods() {}

  /** Every read-only chain method over {@code chain}. */
  public static List<RpcMethod> all(ChainState chain) {
    return List.of(
        SimpleMethod.of(
            "getblockchaininfo", "", "The tip and the network.", params -> info(chain, params)),
        SimpleMethod.of(
            "getblockcount",
            "",
            "The height of the tip.",
            params -> {
              params.expectAtMost();
              return chain.tip().height();
            }),
        SimpleMethod.of(
            "getbestblockhash",
            "",
            "The hash of the tip.",
            params -> {
              params.expectAtMost();
              return chain.tip().hash().hash().toString();
            }),
        SimpleMethod.of(
            "getblockhash",
            "height",
            "The hash of the active chain's block at a height.",
            params -> {
              params.expectAtMost("height");
              long height = params.requiredLong(0, "height");
              if (height < 0 || height > chain.tip().height()) {
                throw RpcException.invalidParameter(
                    "block height " + height + " is out of range 0.." + chain.tip().height());
              }
              return chain.hashAt((int) height).orElseThrow().hash().toString();
            }),
        SimpleMethod.of(
            "getblock",
            "blockhash [verbosity=1]",
            "A block: hex (verbosity 0), with txids (1), or with whole transactions (2).",
            params -> block(chain, params)));
  }

  private static BlockchainInfo info(ChainState chain, RpcParams params) {
    params.expectAtMost();
    ChainTip tip = chain.tip();
    BlockHeader header = chain.header(tip.hash()).orElseThrow();
    BigDecimal difficulty =
        new BigDecimal(chain.params().powLimit().target())
            .divide(new BigDecimal(header.bits().target()), MathContext.DECIMAL64);
    return new BlockchainInfo(
        chain.params().network().id(),
        tip.height(),
        tip.hash().hash().toString(),
        String.format("%08x", header.bits().bits()),
        difficulty.doubleValue(),
        tip.time(),
        tip.medianTimePast(),
        String.format("%064x", tip.chainWork()));
  }

  private static Object block(ChainState chain, RpcParams params) {
    params.expectAtMost("blockhash", "verbosity");
    BlockHash hash = blockHash(params.requiredString(0, "blockhash"));
    long verbosity = params.optionalLong(1, "verbosity").orElse(1L);
    if (verbosity < 0 || verbosity > 2) {
      throw RpcException.invalidParameter("verbosity must be 0, 1 or 2, got " + verbosity);
    }
    BlockIndexEntry entry =
        chain
            .entry(hash)
            .orElseThrow(
                () ->
                    new RpcException(
                        RpcErrorCode.INVALID_ADDRESS_OR_KEY,
                        "block " + hash.hash() + " not found"));
    Block block =
        chain
            .block(hash)
            .orElseThrow(
                () ->
                    new RpcException(
                        RpcErrorCode.MISC_ERROR, "block " + hash.hash() + " is not stored"));
    return verbosity == 0
        ? BlockView.hex(block)
        : BlockView.of(block, entry.height(), chain, verbosity == 2);
  }

  /** A block hash from its hex, or an invalid-parameter error. */
  public static BlockHash blockHash(String hex) {
    try {
      return new BlockHash(Hash32.parse(hex));
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParameter("not a block hash: " + e.getMessage());
    }
  }
}
