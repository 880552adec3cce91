package org.equinode.api.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.equinode.api.RpcErrorCode;
import org.equinode.api.RpcException;
import org.equinode.api.RpcMethod;
import org.equinode.api.SimpleMethod;
import org.equinode.api.chain.Amounts;
import org.equinode.api.chain.TxView;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.TxRules;
import org.equinode.chain.consensus.Verdict;
import org.equinode.chain.mempool.MempoolInfo;
import org.equinode.chain.mempool.MempoolVerdict;
import org.equinode.chain.tx.Tx;
import org.equinode.common.Hash32;
import org.equinode.common.Hex;

/**
 * {@code sendrawtransaction}, {@code testmempoolaccept}, {@code getmempoolinfo}, {@code
 * getrawmempool}, {@code getrawtransaction}: small methods over the mempool, kept together.
 */
public final class MempoolMethods {
  private MempoolMethods() {}

  public static List<RpcMethod> all(LedgerHandle ledger) {
    return List.of(
        SimpleMethod.of(
            "sendrawtransaction",
            "hexstring",
            "Offers a signed transaction to the mempool; answers its txid.",
            params -> {
              params.expectAtMost("hexstring");
              Tx tx = decode(params.requiredString(0, "hexstring"));
              return switch (ledger.acceptTransaction(tx)) {
                case MempoolVerdict.Accepted accepted -> accepted.entry().txId().hash().toString();
                case MempoolVerdict.Orphan orphan ->
                    throw new RpcException(
                        RpcErrorCode.VERIFY_ERROR,
                        "bad-txns-inputs-missingorspent: parents "
                            + orphan.missingParents().stream()
                                .map(id -> id.hash().toString())
                                .toList()
                            + " are unknown");
                case MempoolVerdict.Rejected rejected ->
                    throw new RpcException(
                        RpcErrorCode.VERIFY_REJECTED, rejected.code() + ": " + rejected.detail());
              };
            }),
        SimpleMethod.of(
            "testmempoolaccept",
            "[hexstring,...]",
            "Whether the mempool would accept each transaction, without adding it.",
            params -> {
              params.expectAtMost("rawtxs");
              JsonNode list = params.required(0, "rawtxs");
              if (!list.isArray()) {
                throw RpcException.invalidParams("rawtxs must be an array of hex strings");
              }
              List<Map<String, Object>> results = new ArrayList<>();
              for (JsonNode item : list) {
                Tx tx = decode(item.asText());
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("txid", tx.txId().hash().toString());
                MempoolVerdict verdict = ledger.mempool().testAccept(tx);
                result.put("allowed", verdict.isAccepted());
                if (verdict instanceof MempoolVerdict.Accepted accepted) {
                  result.put("vsize", accepted.entry().size());
                  result.put("fees", Map.of("base", Amounts.toJson(accepted.entry().fee())));
                } else if (verdict instanceof MempoolVerdict.Rejected rejected) {
                  result.put("reject-reason", rejected.code() + ": " + rejected.detail());
                } else {
                  result.put("reject-reason", "missing-inputs");
                }
                results.add(result);
              }
              return results;
            }),
        SimpleMethod.of(
            "getmempoolinfo",
            "",
            "Size, bytes and fees of the mempool, and its fee floors.",
            params -> {
              params.expectAtMost();
              MempoolInfo info = ledger.mempool().info();
              Map<String, Object> result = new LinkedHashMap<>();
              result.put("size", info.size());
              result.put("bytes", info.bytes());
              result.put("total_fee", Amounts.toJson(info.fees()));
              result.put("maxmempool", info.maxBytes());
              result.put("orphans", info.orphans());
              return result;
            }),
        SimpleMethod.of(
            "getrawmempool",
            "",
            "The txids in the mempool.",
            params -> {
              params.expectAtMost();
              return ledger.mempool().txIds().stream().map(id -> id.hash().toString()).toList();
            }),
        SimpleMethod.of(
            "getrawtransaction",
            "txid [verbose=false] [blockhash]",
            "A transaction from the mempool or the active chain (transaction index), or from the"
                + " given block.",
            params -> {
              params.expectAtMost("txid", "verbose", "blockhash");
              TxId txId = txId(params.requiredString(0, "txid"));
              boolean verbose = params.optionalBoolean(1, "verbose").orElse(false);
              Optional<Tx> tx = ledger.mempool().tx(txId);
              Optional<String> blockHash = params.optionalString(2, "blockhash");
              if (tx.isEmpty() && blockHash.isEmpty()) {
                tx = ledger.chain().confirmedTransaction(txId);
              }
              if (tx.isEmpty() && blockHash.isPresent()) {
                Block block =
                    ledger
                        .chain()
                        .block(org.equinode.api.chain.ChainMethods.blockHash(blockHash.get()))
                        .orElseThrow(
                            () ->
                                new RpcException(
                                    RpcErrorCode.INVALID_ADDRESS_OR_KEY,
                                    "block " + blockHash.get() + " not found"));
                tx = block.txs().stream().filter(t -> t.txId().equals(txId)).findFirst();
              }
              Tx found =
                  tx.orElseThrow(
                      () ->
                          new RpcException(
                              RpcErrorCode.INVALID_ADDRESS_OR_KEY,
                              "no transaction "
                                  + txId.hash()
                                  + " in the mempool"
                                  + (blockHash.isPresent()
                                      ? " or that block"
                                      : " or the active chain")));
              return verbose
                  ? TxView.of(found, ledger.params().network(), true)
                  : Hex.encode(found.encode());
            }));
  }

  static Tx decode(String hex) {
    byte[] bytes;
    try {
      bytes = Hex.decode(hex);
    } catch (IllegalArgumentException e) {
      throw new RpcException(
          RpcErrorCode.DESERIALIZATION_ERROR, "TX decode failed: " + e.getMessage());
    }
    return switch (TxRules.decode(bytes)) {
      case Verdict.Accept<Tx> accept -> accept.result();
      case Verdict.Reject<Tx> reject ->
          throw new RpcException(
              RpcErrorCode.DESERIALIZATION_ERROR, "TX decode failed: " + reject.detail());
    };
  }

  static TxId txId(String hex) {
    try {
      return new TxId(Hash32.parse(hex));
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParameter("not a txid: " + e.getMessage());
    }
  }
}
