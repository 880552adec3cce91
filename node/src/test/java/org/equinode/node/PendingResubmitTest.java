package org.equinode.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.equinode.api.client.RpcClient;
import org.equinode.api.client.RpcResponse;
import org.equinode.common.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wallet's pending transactions outlive the mempool: loading the wallet after a restart offers
 * them to the mempool again, and one the mempool refuses (a conflicting spend got there first) is
 * abandoned, so its coins are spendable again and the balances come out exact.
 */
class PendingResubmitTest {
  private static final Optional<String> ALICE = Optional.of("alice");
  private static final Optional<String> NONE = Optional.empty();

  @TempDir Path folder;

  private Node start() {
    return Node.start(
        NodeConfig.loopback(new DataDirectory(folder.resolve("dev"), Network.DEV)), "test");
  }

  private static RpcResponse send(
      Node node, Optional<String> wallet, String method, JsonNode... params) {
    RpcClient client =
        new RpcClient(node.rpcCookie().url(), node.rpcCookie().token(), Duration.ofMinutes(2));
    return client.call(wallet, method, List.of(params));
  }

  private static JsonNode call(
      Node node, Optional<String> wallet, String method, JsonNode... params) {
    RpcResponse response = send(node, wallet, method, params);
    assertThat(response).as(method).isInstanceOf(RpcResponse.Result.class);
    return ((RpcResponse.Result) response).value();
  }

  private static BigDecimal eq(String text) {
    return new BigDecimal(text).setScale(8);
  }

  private static BigDecimal balance(Node node, String wallet, String kind) {
    return call(node, Optional.of(wallet), "getbalances").get("mine").get(kind).decimalValue();
  }

  private static String pay(Node node, Optional<String> from, String to, String amount) {
    return call(
            node,
            from,
            "sendtoaddress",
            TextNode.valueOf(to),
            DecimalNode.valueOf(new BigDecimal(amount)))
        .asText();
  }

  /** The fee of a transaction the node knows: the default 2 units per byte. */
  private static BigDecimal fee(Node node, String txId) {
    JsonNode tx = call(node, NONE, "getrawtransaction", TextNode.valueOf(txId), BooleanNode.TRUE);
    return BigDecimal.valueOf(2L * tx.get("size").asInt(), 8);
  }

  /** The entry of {@code txId} in a {@code listtransactions} result. */
  private static JsonNode entry(JsonNode history, String txId) {
    for (JsonNode entry : history) {
      if (entry.get("txid").asText().equals(txId)) {
        return entry;
      }
    }
    throw new AssertionError("no " + txId + " in " + history);
  }

  private static void mine(Node node, int blocks, String address) {
    call(node, NONE, "generatetoaddress", IntNode.valueOf(blocks), TextNode.valueOf(address));
  }

  @Test
  @Timeout(120)
  void aPaymentPendingAtARestartIsOfferedAgainAndConfirms() {
    String payment;
    String bobAddress;
    String minerAddress;
    try (Node node = start()) {
      call(node, NONE, "createwallet", TextNode.valueOf("alice"));
      call(node, NONE, "createwallet", TextNode.valueOf("bob"));
      minerAddress = call(node, ALICE, "getnewaddress").asText();
      bobAddress = call(node, Optional.of("bob"), "getnewaddress").asText();
      mine(node, 101, minerAddress);
      payment = pay(node, ALICE, bobAddress, "12.5");
      assertThat(call(node, NONE, "getrawmempool").toString()).contains(payment);
    }
    try (Node node = start()) {
      assertThat(call(node, NONE, "getrawmempool")).isEmpty();
      call(node, NONE, "loadwallet", TextNode.valueOf("alice"));
      call(node, NONE, "loadwallet", TextNode.valueOf("bob"));
      assertThat(call(node, NONE, "getrawmempool").toString()).contains(payment);
      assertThat(balance(node, "bob", "untrusted_pending")).isEqualTo(eq("12.5"));
      // The mempool holds it: abandoning it is refused.
      RpcResponse refused = send(node, ALICE, "abandontransaction", TextNode.valueOf(payment));
      assertThat(refused).isInstanceOf(RpcResponse.Failure.class);
      assertThat(((RpcResponse.Failure) refused).message())
          .isEqualTo(
              "transaction "
                  + payment
                  + " is in the mempool: only one that is not can be abandoned");

      BigDecimal fee = fee(node, payment);
      mine(node, 1, minerAddress);
      assertThat(call(node, NONE, "getrawmempool")).isEmpty();
      // Heights 1..3 mature (150 EQ) less the payment and its fee; 4..102 immature, the last
      // with the fee it collected.
      assertThat(balance(node, "alice", "trusted"))
          .isEqualTo(eq("150").subtract(eq("12.5")).subtract(fee));
      assertThat(balance(node, "alice", "untrusted_pending")).isEqualTo(eq("0"));
      assertThat(balance(node, "alice", "immature")).isEqualTo(eq("4950").add(fee));
      assertThat(balance(node, "bob", "trusted")).isEqualTo(eq("12.5"));
    }
  }

  @Test
  @Timeout(120)
  void aPendingPaymentThatAConflictingSpendBeatIsAbandoned() {
    String mnemonic;
    String stale;
    String minerAddress;
    String bobAddress;
    try (Node node = start()) {
      mnemonic =
          call(node, NONE, "createwallet", TextNode.valueOf("alice")).get("mnemonic").asText();
      call(node, NONE, "createwallet", TextNode.valueOf("bob"));
      minerAddress = call(node, ALICE, "getnewaddress").asText();
      bobAddress = call(node, Optional.of("bob"), "getnewaddress").asText();
      mine(node, 101, minerAddress);
      // Alice has two mature coins (heights 1 and 2): 60 EQ needs both.
      stale = pay(node, ALICE, bobAddress, "60");
    }
    try (Node node = start()) {
      // The same words in another wallet, which never saw the first payment, spend both coins
      // again before alice is loaded.
      call(
          node,
          NONE,
          "restorewallet",
          TextNode.valueOf("alice-copy"),
          TextNode.valueOf(mnemonic),
          TextNode.valueOf(""));
      String rival = pay(node, Optional.of("alice-copy"), bobAddress, "70");
      call(node, NONE, "loadwallet", TextNode.valueOf("alice"));

      String mempool = call(node, NONE, "getrawmempool").toString();
      assertThat(mempool).contains(rival).doesNotContain(stale);
      // The abandoned payment stays in the history, flagged, as bitcoind lists it.
      JsonNode history = call(node, ALICE, "listtransactions");
      JsonNode abandoned = entry(history, stale);
      assertThat(abandoned.get("abandoned").asBoolean()).isTrue();
      assertThat(abandoned.get("category").asText()).isEqualTo("send");
      assertThat(abandoned.get("confirmations").asInt()).isZero();
      assertThat(abandoned.get("amount").decimalValue()).isNegative();
      assertThat(entry(history, rival).get("abandoned").asBoolean()).isFalse();
      BigDecimal fee = fee(node, rival);
      mine(node, 1, minerAddress);
      // Heights 1..3 mature, less the rival payment and its fee; the abandoned one cost nothing.
      BigDecimal expected = eq("150").subtract(eq("70")).subtract(fee);
      assertThat(balance(node, "alice", "trusted")).isEqualTo(expected);
      assertThat(balance(node, "alice", "untrusted_pending")).isEqualTo(eq("0"));
      assertThat(balance(node, "alice-copy", "trusted")).isEqualTo(expected);
      // The coins the abandoned payment had spent serve a new one.
      String next = pay(node, ALICE, bobAddress, "1");
      assertThat(call(node, NONE, "getrawmempool").toString()).contains(next);
    }
  }
}
