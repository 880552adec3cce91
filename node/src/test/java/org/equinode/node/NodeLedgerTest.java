package org.equinode.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The ledger as a new user meets it, through JSON-RPC on a dev node: two wallets, mining, a
 * payment, exact balances, and a restart that keeps them.
 */
class NodeLedgerTest {
  @TempDir Path folder;

  private Node start() {
    return Node.start(
        NodeConfig.loopback(new DataDirectory(folder.resolve("dev"), Network.DEV)), "test");
  }

  private static JsonNode call(
      Node node, Optional<String> wallet, String method, JsonNode... params) {
    RpcClient client =
        new RpcClient(node.rpcCookie().url(), node.rpcCookie().token(), Duration.ofMinutes(2));
    RpcResponse response = client.call(wallet, method, List.of(params));
    assertThat(response).as(method).isInstanceOf(RpcResponse.Result.class);
    return ((RpcResponse.Result) response).value();
  }

  private static BigDecimal eq(String text) {
    return new BigDecimal(text).setScale(8);
  }

  private static BigDecimal balance(Node node, String wallet, String kind) {
    return call(node, Optional.of(wallet), "getbalances").get("mine").get(kind).decimalValue();
  }

  @Test
  @Timeout(120)
  void mineSendAndKeepExactBalancesAcrossARestart() {
    Optional<String> a = Optional.of("alice");
    Optional<String> b = Optional.of("bob");
    BigDecimal fee;
    String paymentId;
    try (Node node = start()) {
      assertThat(
              call(node, Optional.empty(), "createwallet", TextNode.valueOf("alice"))
                  .get("mnemonic")
                  .asText()
                  .split(" "))
          .hasSize(24);
      call(node, Optional.empty(), "createwallet", TextNode.valueOf("bob"));
      String minerAddress = call(node, a, "getnewaddress").asText();
      assertThat(minerAddress).startsWith("deq1");

      assertThat(
              call(
                  node,
                  a,
                  "generatetoaddress",
                  IntNode.valueOf(101),
                  TextNode.valueOf(minerAddress)))
          .hasSize(101);
      assertThat(call(node, Optional.empty(), "getblockcount").asInt()).isEqualTo(101);
      // Coinbases of heights 1 and 2 have 100 confirmations or more: spendable in block 102.
      assertThat(balance(node, "alice", "trusted")).isEqualTo(eq("100"));
      assertThat(balance(node, "alice", "immature")).isEqualTo(eq("4950"));

      String bAddress = call(node, b, "getnewaddress").asText();
      paymentId =
          call(
                  node,
                  a,
                  "sendtoaddress",
                  TextNode.valueOf(bAddress),
                  DecimalNode.valueOf(new BigDecimal("12.5")))
              .asText();
      assertThat(call(node, Optional.empty(), "getrawmempool").toString()).contains(paymentId);
      assertThat(balance(node, "bob", "untrusted_pending")).isEqualTo(eq("12.5"));
      JsonNode payment =
          call(
              node,
              Optional.empty(),
              "getrawtransaction",
              TextNode.valueOf(paymentId),
              com.fasterxml.jackson.databind.node.BooleanNode.TRUE);
      fee = BigDecimal.valueOf(2L * payment.get("size").asInt(), 8); // the default 2 units per byte

      call(node, a, "generatetoaddress", IntNode.valueOf(1), TextNode.valueOf(minerAddress));
      assertThat(call(node, Optional.empty(), "getrawmempool")).isEmpty();
      assertBalances(node, fee);
    }
    // Everything was saved: a new node on the same data directory reloads the wallets and agrees.
    try (Node node = start()) {
      call(node, Optional.empty(), "loadwallet", TextNode.valueOf("alice"));
      call(node, Optional.empty(), "loadwallet", TextNode.valueOf("bob"));
      assertThat(call(node, Optional.empty(), "getblockcount").asInt()).isEqualTo(102);
      assertBalances(node, fee);
      assertThat(call(node, b, "listtransactions").toString()).contains(paymentId, "\"receive\"");
    }
  }

  private static void assertBalances(Node node, BigDecimal fee) {
    // Heights 1..3 mature (150 EQ) less the payment and its fee; 4..102 immature, the last with
    // the fee it collected.
    assertThat(balance(node, "alice", "trusted"))
        .isEqualTo(eq("150").subtract(eq("12.5")).subtract(fee));
    assertThat(balance(node, "alice", "immature")).isEqualTo(eq("4950").add(fee));
    assertThat(balance(node, "bob", "trusted")).isEqualTo(eq("12.5"));
    assertThat(balance(node, "bob", "untrusted_pending")).isEqualTo(eq("0"));
  }
}
