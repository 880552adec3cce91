package org.equinode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.equinode.api.client.RpcClient;
import org.equinode.api.client.RpcResponse;
import org.equinode.common.Network;
import org.equinode.node.rpc.RpcCookie;
import org.equinode.store.Durability;
import org.equinode.store.RocksStore;
import org.equinode.store.WriteBatch;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeTest {
  @TempDir Path folder;

  private final TestClock clock = TestClock.fixed();

  private NodeConfig config() {
    return NodeConfig.loopback(new DataDirectory(folder.resolve("dev"), Network.DEV))
        .withTime(clock);
  }

  private static RpcClient client(RpcCookie cookie) {
    return new RpcClient(cookie.url(), cookie.token(), Duration.ofSeconds(10));
  }

  @Test
  void servesJsonRpcWithTheTokenFromItsCookie() throws Exception {
    try (Node node = Node.start(config(), "test-version")) {
      Path root = folder.resolve("dev");
      RpcCookie cookie = RpcCookie.read(root);
      assertThat(cookie).isEqualTo(node.rpcCookie());
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(root.resolve("rpc.cookie"))))
          .isEqualTo("rw-------");

      clock.advance(Duration.ofSeconds(42));
      JsonNode uptime = client(cookie).callForResult(Optional.empty(), "uptime", List.of());
      assertThat(uptime.asLong()).isEqualTo(42);
      JsonNode info = client(cookie).callForResult(Optional.empty(), "getnodeinfo", List.of());
      assertThat(info.get("network").asText()).isEqualTo("dev");
      assertThat(info.get("version").asText()).isEqualTo("test-version");
    }
  }

  @Test
  void refusesAWrongTokenAndNonPostRequests() throws Exception {
    try (Node node = Node.start(config(), "v")) {
      URI url = node.rpcCookie().url();
      RpcClient wrong = new RpcClient(url, "0".repeat(64), Duration.ofSeconds(10));
      assertThatThrownBy(() -> wrong.call(Optional.empty(), "uptime", List.of()))
          .hasMessageContaining("refused the token");
      HttpResponse<String> get =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(405);
      RpcResponse unknown = client(node.rpcCookie()).call(Optional.empty(), "nope", List.of());
      assertThat(unknown)
          .isEqualTo(new RpcResponse.Failure(-32601, "no method 'nope' (try 'help')"));
    }
  }

  @Test
  void stopEndsTheNodeAndACleanStopRemovesTheCookie() throws Exception {
    Node node = Node.start(config(), "v");
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    node.awaitStop();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    JsonNode answer = client(node.rpcCookie()).callForResult(Optional.empty(), "stop", List.of());
    assertThat(answer.asText()).isEqualTo("Equinode stopping");
    waiter.join(Duration.ofSeconds(10));
    assertThat(waiter.isAlive()).isFalse();
    node.close();
    node.close();
    assertThat(folder.resolve("dev").resolve("rpc.cookie")).doesNotExist();
  }

  @Test
  void aSecondNodeOnTheSameDataDirectoryIsRefused() {
    try (Node first = Node.start(config(), "v")) {
      assertThatThrownBy(() -> Node.start(config(), "v"))
          .isInstanceOf(NodeException.class)
          .hasMessageContaining("another node is already using the data directory");
      assertThat(first.info().network()).isEqualTo("dev");
    }
    // Released on close: a new node may start.
    Node.start(config(), "v").close();
  }

  @Test
  void aHalfRebuiltChainStateIsRefusedWithTheRepairAndReindexRepairsIt() {
    Node.start(config(), "v").close();
    // The layout's "rebuild under way" marker (key 02, chain/README.md), as a crash would leave it.
    try (RocksStore store = RocksStore.open(folder.resolve("dev").resolve(Node.CHAIN_FOLDER))) {
      store.write(new WriteBatch().put(new byte[] {0x02}, new byte[0]), Durability.POWER_FAILURE);
    }
    assertThatThrownBy(() -> Node.start(config(), "v"))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("was being rebuilt when the node stopped")
        .hasMessageContaining("start the node once with --reindex-chainstate");

    Node.start(config().withReindexChainState(), "v").close();
    Node.start(config(), "v").close();
  }

  @Test
  void aBusyRpcPortIsAClearError() {
    try (Node first = Node.start(config(), "v")) {
      NodeConfig clash =
          NodeConfig.loopback(new DataDirectory(folder.resolve("other"), Network.DEV))
              .withTime(clock)
              .withRpcAddress(
                  new InetSocketAddress(
                      InetAddress.getLoopbackAddress(), first.rpcCookie().url().getPort()));
      assertThatThrownBy(() -> Node.start(clash, "v"))
          .isInstanceOf(NodeException.class)
          .hasMessageContaining("cannot listen for JSON-RPC");
      // The failed start released its data directory.
      Node.start(
              clash.withRpcAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), "v")
          .close();
    }
  }
}
