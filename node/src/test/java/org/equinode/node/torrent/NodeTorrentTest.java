package org.equinode.node.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.equinode.api.Json;
import org.equinode.api.client.RpcClient;
import org.equinode.api.client.RpcResponse;
import org.equinode.common.Network;
import org.equinode.common.TimeSource;
import org.equinode.node.DataDirectory;
import org.equinode.node.Node;
import org.equinode.node.NodeConfig;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.metainfo.CreateOptions;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.metainfo.TorrentCreator;
import org.equinode.torrent.session.SessionEnvironment;
import org.equinode.torrent.session.SessionSettings;
import org.equinode.torrent.session.StateFolder;
import org.equinode.torrent.session.StorageOpener;
import org.equinode.torrent.session.TorrentSession;
import org.equinode.torrent.session.TorrentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's torrents through JSON-RPC, downloading from an Equinode seeder on 127.0.0.1: add paused,
 * resume, completion, pause, a restart that brings the torrent back complete without downloading
 * again, and removal with and without its data.
 */
@Timeout(120)
class NodeTorrentTest {
  private static final InetSocketAddress LOOPBACK_ANY =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int SIZE = 600_000;

  @TempDir Path folder;

  private Node start() {
    return Node.start(
        NodeConfig.loopback(new DataDirectory(folder.resolve("node"), Network.DEV)), "test");
  }

  private static RpcResponse raw(Node node, String method, JsonNode params) {
    RpcClient client =
        new RpcClient(node.rpcCookie().url(), node.rpcCookie().token(), Duration.ofSeconds(30));
    return client.call(Optional.empty(), method, asList(params));
  }

  private static List<JsonNode> asList(JsonNode array) {
    java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static JsonNode call(Node node, String method, String params) {
    try {
      RpcResponse response = raw(node, method, Json.mapper().readTree(params));
      assertThat(response).as("%s %s", method, response).isInstanceOf(RpcResponse.Result.class);
      return ((RpcResponse.Result) response).value();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode awaitStatus(Node node, String hash, Predicate<JsonNode> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode status = call(node, "torrent.status", "[\"" + hash + "\"]");
    while (!done.test(status)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not there after " + WAIT + ": " + status);
      }
      Thread.sleep(50);
      status = call(node, "torrent.status", "[\"" + hash + "\"]");
    }
    return status;
  }

  @Test
  void downloadsPausesSurvivesARestartAndIsRemoved() throws Exception {
    Path seedFolder = Files.createDirectories(folder.resolve("seed"));
    Path source =
        Files.write(seedFolder.resolve("film.bin"), SeededRandom.bytes(SeededRandom.of(42), SIZE));
    Metainfo metainfo =
        new TorrentCreator(TimeSource.system(), "test")
            .create(source, CreateOptions.none().withPieceLength(16 * 1024))
            .metainfo();
    String hash = metainfo.infoHash().hex();
    String base64 = Base64.getEncoder().encodeToString(metainfo.encode());
    Path downloads = Files.createDirectories(folder.resolve("down"));
    Path bystander = Files.writeString(downloads.resolve("keep.txt"), "not the torrent's");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (TorrentSession seeder =
        TorrentSession.start(
            TorrentSource.of(metainfo),
            StorageOpener.sharing(
                seedFolder,
                StateFolder.under(folder.resolve("seed-state"), metainfo.infoHash()),
                SessionSettings.DEFAULTS.storage(),
                pool,
                TimeSource.system()),
            SessionSettings.DEFAULTS.withListen(LOOPBACK_ANY),
            new SessionEnvironment(
                TimeSource.system(), SeededRandom.of(1), new SecureRandom(), pool))) {
      String peer = "127.0.0.1:" + seeder.listenAddress().orElseThrow().getPort();
      // torrent, dir, paused, files, sequential, maxDownloadRate, maxUploadRate, peers, metainfo
      String add =
          "[null,\""
              + downloads
              + "\",%s,null,false,null,null,[\""
              + peer
              + "\"],\""
              + base64
              + "\"]";

      try (Node node = start()) {
        JsonNode added = call(node, "torrent.add", add.formatted("true"));
        assertThat(added.get("infohash").asText()).isEqualTo(hash);
        assertThat(added.get("state").asText()).isEqualTo("paused");
        // Paused: nobody is called, nothing comes in.
        JsonNode paused = call(node, "torrent.status", "[\"" + hash + "\"]");
        assertThat(paused.get("peers").asInt()).isZero();
        assertThat(paused.get("downloaded").asLong()).isZero();

        call(node, "torrent.resume", "[\"" + hash + "\"]");
        JsonNode done = awaitStatus(node, hash, s -> s.get("state").asText().equals("seeding"));
        assertThat(done.get("doneBytes").asLong()).isEqualTo(SIZE);
        assertThat(done.get("files").get(0).get("progress").decimalValue())
            .isEqualByComparingTo("1");
        assertThat(downloads.resolve("film.bin")).hasSameBinaryContentAs(source);

        JsonNode pausedAgain = call(node, "torrent.pause", "[\"" + hash + "\"]");
        assertThat(pausedAgain.get("state").asText()).isEqualTo("paused");
        awaitStatus(node, hash, s -> s.get("peers").asInt() == 0);
      }

      try (Node node = start()) {
        JsonNode list = call(node, "torrent.list", "[]");
        assertThat(list).hasSize(1);
        // Its files are checked in the background: paused, then complete once checked.
        JsonNode back = awaitStatus(node, hash, s -> s.get("doneBytes").asLong() == SIZE);
        assertThat(back.get("state").asText()).isEqualTo("paused");
        call(node, "torrent.resume", "[\"" + hash + "\"]");
        JsonNode seeding = awaitStatus(node, hash, s -> s.get("state").asText().equals("seeding"));
        assertThat(seeding.get("downloaded").asLong()).isZero();

        call(node, "torrent.remove", "[\"" + hash + "\"]");
        assertThat(call(node, "torrent.list", "[]")).isEmpty();
        assertThat(downloads.resolve("film.bin")).exists();
        assertThat(StateFolder.under(folder.resolve("node"), metainfo.infoHash()).path())
            .doesNotExist();

        call(node, "torrent.add", add.formatted("false"));
        JsonNode again = awaitStatus(node, hash, s -> s.get("doneBytes").asLong() == SIZE);
        assertThat(again.get("state").asText()).isEqualTo("seeding");
        call(node, "torrent.remove", "[\"" + hash + "\", true]");
        assertThat(downloads.resolve("film.bin")).doesNotExist();
        assertThat(bystander).hasContent("not the torrent's");
        assertThat(downloads).exists();

        RpcResponse unknown =
            raw(node, "torrent.status", Json.mapper().readTree("[\"" + hash + "\"]"));
        assertThat(unknown).isInstanceOf(RpcResponse.Failure.class);
        assertThat(((RpcResponse.Failure) unknown).code()).isEqualTo(-80);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withoutAListenerTheNodeDownloadsByCallingOut() throws Exception {
    Path seedFolder = Files.createDirectories(folder.resolve("seed"));
    Path source =
        Files.write(seedFolder.resolve("film.bin"), SeededRandom.bytes(SeededRandom.of(43), SIZE));
    Metainfo metainfo =
        new TorrentCreator(TimeSource.system(), "test")
            .create(source, CreateOptions.none().withPieceLength(16 * 1024))
            .metainfo();
    String hash = metainfo.infoHash().hex();
    Path downloads = folder.resolve("down");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (TorrentSession seeder =
            TorrentSession.start(
                TorrentSource.of(metainfo),
                StorageOpener.sharing(
                    seedFolder,
                    StateFolder.under(folder.resolve("seed-state"), metainfo.infoHash()),
                    SessionSettings.DEFAULTS.storage(),
                    pool,
                    TimeSource.system()),
                SessionSettings.DEFAULTS.withListen(LOOPBACK_ANY),
                new SessionEnvironment(
                    TimeSource.system(), SeededRandom.of(2), new SecureRandom(), pool));
        Node node =
            Node.start(
                NodeConfig.loopback(new DataDirectory(folder.resolve("node"), Network.DEV))
                    .withoutTorrentListener(),
                "test")) {
      assertThat(node.torrents().listenAddress()).isEmpty();
      assertThat(node.torrents().engine().listen()).isEmpty();
      String peer = "127.0.0.1:" + seeder.listenAddress().orElseThrow().getPort();
      call(
          node,
          "torrent.add",
          "[null,\""
              + downloads
              + "\",false,null,false,null,null,[\""
              + peer
              + "\"],\""
              + Base64.getEncoder().encodeToString(metainfo.encode())
              + "\"]");
      awaitStatus(node, hash, s -> s.get("state").asText().equals("seeding"));
      assertThat(downloads.resolve("film.bin")).hasSameBinaryContentAs(source);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSaveFolderThatHoldsOrEntersTheDataDirectoryIsRefused() throws Exception {
    try (Node node = start()) {
      Path link =
          Files.createSymbolicLink(folder.resolve("link"), folder.resolve("node").toAbsolutePath());
      for (Path bad : List.of(folder, folder.resolve("node/chain"), link.resolve("chain"))) {
        RpcResponse response =
            raw(
                node,
                "torrent.add",
                Json.mapper()
                    .createArrayNode()
                    .add("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567")
                    .add(bad.toString()));
        assertThat(response).isInstanceOf(RpcResponse.Failure.class);
        assertThat(((RpcResponse.Failure) response).code()).as("%s", bad).isEqualTo(-8);
        assertThat(((RpcResponse.Failure) response).message()).contains("data directory");
      }
      assertThat(call(node, "torrent.list", "[]")).isEmpty();
    }
  }

  @Test
  void aTorrentWhoseFilesAnotherTorrentWritesInTheSameFolderIsRefused() throws Exception {
    Path made = Files.createDirectories(folder.resolve("made"));
    Path source = Files.writeString(made.resolve("film.bin"), "one");
    String first = base64(source, 16 * 1024);
    String second = base64(source, 32 * 1024);
    Path downloads = folder.resolve("down");
    try (Node node = start()) {
      call(node, "torrent.add", addPaused(first, downloads));
      RpcResponse clash =
          raw(node, "torrent.add", Json.mapper().readTree(addPaused(second, downloads)));
      assertThat(clash).isInstanceOf(RpcResponse.Failure.class);
      assertThat(((RpcResponse.Failure) clash).code()).isEqualTo(-8);
      assertThat(((RpcResponse.Failure) clash).message()).contains("film.bin");
      RpcResponse noSuchFile =
          raw(
              node,
              "torrent.add",
              Json.mapper()
                  .readTree("[null,null,true,[3],false,null,null,null,\"" + second + "\"]"));
      assertThat(((RpcResponse.Failure) noSuchFile).code()).isEqualTo(-8);
      assertThat(((RpcResponse.Failure) noSuchFile).message()).contains("file index 3");
      call(node, "torrent.add", addPaused(second, folder.resolve("elsewhere")));
      assertThat(call(node, "torrent.list", "[]")).hasSize(2);
    }
  }

  @Test
  void aFileThatCannotBeDeletedIsReportedAndTheTorrentIsGoneAnyway() throws Exception {
    Path made = Files.createDirectories(folder.resolve("made"));
    Path source = Files.writeString(made.resolve("film.bin"), "one");
    String metainfo = base64(source, 16 * 1024);
    Path downloads = folder.resolve("down");
    try (Node node = start()) {
      String hash =
          call(node, "torrent.add", addPaused(metainfo, downloads)).get("infohash").asText();
      // Where the file would be, a folder with someone's file in it: it cannot go.
      Files.writeString(Files.createDirectories(downloads.resolve("film.bin")).resolve("x"), "x");

      JsonNode removed = call(node, "torrent.remove", "[\"" + hash + "\", true]");

      assertThat(removed.get("notDeleted")).hasSize(1);
      assertThat(removed.get("notDeleted").get(0).asText())
          .isEqualTo(downloads.resolve("film.bin").toString());
      assertThat(call(node, "torrent.list", "[]")).isEmpty();
    }
    try (Node node = start()) {
      assertThat(call(node, "torrent.list", "[]")).isEmpty();
    }
  }

  /** A {@code .torrent} of {@code source} in base64; the piece length makes its info hash. */
  private static String base64(Path source, int pieceLength) {
    Metainfo metainfo =
        new TorrentCreator(TimeSource.system(), "test")
            .create(source, CreateOptions.none().withPieceLength(pieceLength))
            .metainfo();
    return Base64.getEncoder().encodeToString(metainfo.encode());
  }

  private static String addPaused(String base64, Path dir) {
    return "[null,\"" + dir + "\",true,null,false,null,null,null,\"" + base64 + "\"]";
  }
}
