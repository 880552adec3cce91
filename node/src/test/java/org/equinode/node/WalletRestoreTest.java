package org.equinode.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.api.client.RpcClient;
import org.equinode.api.client.RpcResponse;
import org.equinode.common.Network;
import org.equinode.common.TimeSource;
import org.equinode.crypto.CryptoException;
import org.equinode.crypto.Mnemonic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wallet restored from its recovery words into a new name, after its file is gone, finds the same
 * balances and history, payments to addresses beyond the first window of keys included; bad words,
 * a taken name and a bad height are refused with clear errors and change nothing.
 */
class WalletRestoreTest {
  @TempDir Path folder;

  private Node start() {
    return Node.start(
        new NodeConfig(
            new DataDirectory(folder.resolve("dev"), Network.DEV),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            TimeSource.system(),
            new SecureRandom(),
            1,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
        "test");
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
    assertThat(response).as(method + ": " + response).isInstanceOf(RpcResponse.Result.class);
    return ((RpcResponse.Result) response).value();
  }

  private static RpcResponse.Failure fails(Node node, String method, JsonNode... params) {
    RpcResponse response = send(node, Optional.empty(), method, params);
    assertThat(response).as(method).isInstanceOf(RpcResponse.Failure.class);
    return (RpcResponse.Failure) response;
  }

  private static TextNode text(String value) {
    return TextNode.valueOf(value);
  }

  @Test
  @Timeout(180)
  void aRestoredWalletHasTheSameBalancesAndHistory() throws Exception {
    Optional<String> a = Optional.of("alpha");
    Optional<String> b = Optional.of("beta");
    try (Node node = start()) {
      String mnemonic =
          call(node, Optional.empty(), "createwallet", text("alpha"), text("secret"))
              .get("mnemonic")
              .asText();
      call(node, Optional.empty(), "createwallet", text("beta"));
      call(node, a, "walletpassphrase", text("secret"), IntNode.valueOf(600));
      String first = call(node, a, "getnewaddress").asText();
      call(node, a, "generatetoaddress", IntNode.valueOf(103), text(first));
      // Addresses 1..35 handed out; payments to 5, 18 and 35: the last lies beyond the first
      // window of 20 keys, and within 20 of the one before it.
      List<String> addresses = new ArrayList<>();
      for (int i = 1; i <= 35; i++) {
        addresses.add(call(node, a, "getnewaddress").asText());
      }
      String betaAddress = call(node, b, "getnewaddress").asText();
      for (int index : new int[] {5, 18, 35}) {
        call(
            node,
            a,
            "sendtoaddress",
            text(addresses.get(index - 1)),
            DecimalNode.valueOf(new BigDecimal(index + ".25")));
      }
      call(node, a, "sendtoaddress", text(betaAddress), DecimalNode.valueOf(new BigDecimal("7")));
      call(node, a, "generatetoaddress", IntNode.valueOf(1), text(addresses.get(11)));
      JsonNode balances = call(node, a, "getbalances");
      JsonNode history = call(node, a, "listtransactions");
      assertThat(history).hasSize(104 + 4);
      String someSpend = history.get(history.size() - 2).get("txid").asText();

      call(node, a, "unloadwallet");
      Path file = folder.resolve("dev").resolve(Node.WALLET_FOLDER).resolve("alpha.wallet");
      Files.delete(file);

      JsonNode restored =
          call(
              node,
              Optional.empty(),
              "restorewallet",
              text("gamma"),
              text(mnemonic),
              text("other"));
      assertThat(restored.get("rescanned_from").asInt()).isZero();
      assertThat(restored.get("rescanned_to").asInt()).isEqualTo(104);
      assertThat(restored.get("gap_limit").asInt()).isEqualTo(20);
      // 0, 1..35, and the change addresses of the four payments.
      assertThat(restored.get("addresses_used").asInt()).isGreaterThanOrEqualTo(36);
      assertThat(restored.get("locked").asBoolean()).isTrue();
      Optional<String> c = Optional.of("gamma");
      assertThat(call(node, c, "getbalances")).isEqualTo(balances);
      assertThat(call(node, c, "listtransactions")).isEqualTo(history);
      // The next address continues after the last one paid.
      call(node, c, "walletpassphrase", text("other"), IntNode.valueOf(60));
      assertThat(call(node, c, "getnewaddress").asText()).isNotIn(addresses).isNotEqualTo(first);

      // The transaction index finds a confirmed spend without its block hash.
      JsonNode raw =
          call(node, Optional.empty(), "getrawtransaction", text(someSpend), BooleanNode.TRUE);
      assertThat(raw.get("txid").asText()).isEqualTo(someSpend);

      // Rescanning from a later height finds only what came after.
      JsonNode late =
          call(
              node,
              Optional.empty(),
              "restorewallet",
              text("delta"),
              text(mnemonic),
              text(""),
              text(""),
              IntNode.valueOf(100));
      assertThat(late.get("transactions").asInt()).isEqualTo(5 + 4);
      assertThat(late.get("locked").asBoolean()).isFalse();

      assertRefusals(node, mnemonic);
    }
  }

  /** The words with the last one replaced so that every word is listed but the checksum fails. */
  private static String withBadChecksum(String[] words) {
    for (String last : List.of("abandon", "ability", "able", "about", "above")) {
      List<String> changed = new ArrayList<>(List.of(words));
      changed.set(changed.size() - 1, last);
      String phrase = String.join(" ", changed);
      try {
        Mnemonic.parse(phrase);
      } catch (CryptoException e) {
        return phrase;
      }
    }
    throw new AssertionError("five last words all kept the checksum");
  }

  private void assertRefusals(Node node, String mnemonic) throws Exception {
    JsonNode loaded = call(node, Optional.empty(), "listwallets");
    List<Path> files;
    Path wallets = folder.resolve("dev").resolve(Node.WALLET_FOLDER);
    try (var list = Files.list(wallets)) {
      files = list.sorted().toList();
    }
    String[] words = mnemonic.split(" ");
    RpcResponse.Failure checksum =
        fails(node, "restorewallet", text("eps"), text(withBadChecksum(words)), text(""));
    assertThat(checksum.code()).isEqualTo(-8);
    assertThat(checksum.message()).contains("bad mnemonic checksum");
    String unknown = mnemonic.replaceFirst(words[0], "zzzq");
    RpcResponse.Failure word = fails(node, "restorewallet", text("eps"), text(unknown), text(""));
    assertThat(word.code()).isEqualTo(-8);
    assertThat(word.message()).contains("word 1 'zzzq' is not in the BIP39 English list");
    String shorter = String.join(" ", List.of(words).subList(0, 11));
    RpcResponse.Failure length = fails(node, "restorewallet", text("eps"), text(shorter), text(""));
    assertThat(length.code()).isEqualTo(-8);
    assertThat(length.message()).contains("12, 15, 18, 21 or 24 words, got 11");
    RpcResponse.Failure taken =
        fails(node, "restorewallet", text("gamma"), text(mnemonic), text(""));
    assertThat(taken.code()).isEqualTo(-35);
    assertThat(taken.message()).contains("wallet gamma exists");
    RpcResponse.Failure height =
        fails(
            node,
            "restorewallet",
            text("eps"),
            text(mnemonic),
            text(""),
            text(""),
            IntNode.valueOf(105));
    assertThat(height.code()).isEqualTo(-8);
    assertThat(height.message()).contains("rescan_from must be a height from 0 to the tip 104");

    assertThat(call(node, Optional.empty(), "listwallets")).isEqualTo(loaded);
    try (var list = Files.list(wallets)) {
      assertThat(list.sorted().toList()).isEqualTo(files);
    }
    assertThat(call(node, Optional.empty(), "help", text("restorewallet")).asText())
        .startsWith("restorewallet name mnemonic passphrase [bip39_passphrase] [rescan_from=0]")
        .contains("20 unused addresses");
  }
}
