package org.equinode.api.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.equinode.api.Json;
import org.equinode.api.RpcContext;
import org.equinode.api.RpcDispatcher;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BInteger;
import org.equinode.torrent.bencode.BValue;
import org.equinode.torrent.bencode.Bencode;
import org.equinode.torrent.metainfo.InfoHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each torrent method with good and bad parameters, over a handle that moves no bytes. */
class TorrentMethodsTest {
  private static final String HASH = "0123456789abcdef0123456789abcdef01234567";
  private static final String MAGNET = "magnet:?xt=urn:btih:" + HASH + "&dn=film";

  @TempDir Path dir;

  private final FakeTorrents torrents = new FakeTorrents();
  private final RpcDispatcher rpc = new RpcDispatcher(TorrentMethods.all(torrents));

  private JsonNode call(String method, String params) throws Exception {
    JsonNode request =
        Json.mapper()
            .readTree(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
                    + method
                    + "\",\"params\":"
                    + params
                    + "}");
    return rpc.answer(request, RpcContext.plain()).orElseThrow();
  }

  private JsonNode result(String method, String params) throws Exception {
    JsonNode response = call(method, params);
    assertThat(response.has("error")).as("%s", response).isFalse();
    return response.get("result");
  }

  private void assertError(JsonNode response, int code, String message) {
    assertThat(response.path("error").path("code").asInt()).as("%s", response).isEqualTo(code);
    assertThat(response.path("error").path("message").asText()).isEqualTo(message);
  }

  /** A single-file .torrent whose name is {@code name}. */
  private static byte[] torrentFile(String name) {
    BDict info =
        BDict.of(
            java.util.Map.of(
                BBytes.of("length"),
                new BInteger(20),
                BBytes.of("name"),
                BBytes.of(name),
                BBytes.of("piece length"),
                new BInteger(16384),
                BBytes.of("pieces"),
                BBytes.of(new byte[20])));
    return Bencode.encode(BDict.of(java.util.Map.<BBytes, BValue>of(BBytes.of("info"), info)));
  }

  @Test
  void addTakesAMagnetLinkWithEveryOption() throws Exception {
    JsonNode added =
        result(
            "torrent.add",
            "{\"torrent\":\""
                + MAGNET
                + "\",\"dir\":\""
                + dir
                + "\",\"paused\":true,"
                + "\"files\":[2,0],\"sequential\":true,\"maxDownloadRate\":1000,"
                + "\"maxUploadRate\":0,\"peers\":[\"127.0.0.1:6881\",\"[::1]:7000\"]}");
    assertThat(added.get("infohash").asText()).isEqualTo(HASH);
    assertThat(added.get("name").asText()).isEqualTo("film");
    assertThat(added.get("state").asText()).isEqualTo("paused");
    assertThat(added.get("maxDownloadRate").asLong()).isEqualTo(1000);
    assertThat(added.has("maxUploadRate")).isFalse();
    AddRequest request = torrents.requests.get(0);
    assertThat(request.saveDir()).contains(dir);
    assertThat(request.files().indexes()).containsExactly(0, 2);
    assertThat(request.sequential()).isTrue();
    assertThat(request.limits().download()).isEqualTo(OptionalLong.of(1000));
    assertThat(request.limits().upload()).isEmpty();
    assertThat(request.peers()).hasSize(2);
  }

  @Test
  void addTakesATorrentFileByPathOrAsBase64() throws Exception {
    byte[] bytes = torrentFile("a.bin");
    Path file = Files.write(dir.resolve("a.torrent"), bytes);
    JsonNode byPath = result("torrent.add", "[\"" + file + "\"]");
    String hash = byPath.get("infohash").asText();
    assertThat(byPath.get("name").asText()).isEqualTo("a.bin");
    assertError(
        call("torrent.add", "{\"metainfo\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}"),
        -81,
        "torrent " + hash + " is in the node already");
    assertThat(torrents.entries).containsOnlyKeys(InfoHash.parse(hash));
  }

  @Test
  void addRefusesBadInputWithAClearMessage() throws Exception {
    assertError(
        call("torrent.add", "[\"magnet:?xt=urn:btih:123\"]"),
        -8,
        "bad magnet link: " + messageOf("magnet:?xt=urn:btih:123"));
    assertError(
        call("torrent.add", "[\"relative/a.torrent\"]"),
        -8,
        "torrent 'relative/a.torrent' must be an absolute path on the node's machine");
    assertError(
        call("torrent.add", "[\"" + dir.resolve("missing.torrent") + "\"]"),
        -8,
        "torrent '"
            + dir.resolve("missing.torrent")
            + "' is neither a magnet link nor a file on the node's machine");
    assertError(
        call("torrent.add", "{\"torrent\":\"" + MAGNET + "\",\"dir\":\"../../etc\"}"),
        -8,
        "dir '../../etc' must be an absolute path on the node's machine");
    assertError(
        call("torrent.add", "{\"metainfo\":\"%%%\"}"),
        -8,
        "metainfo is not base64: Illegal base64 character 25");
    String escaping = Base64.getEncoder().encodeToString(torrentFile(".."));
    JsonNode refused = call("torrent.add", "{\"metainfo\":\"" + escaping + "\"}");
    assertThat(refused.path("error").path("code").asInt()).isEqualTo(-22);
    assertThat(refused.path("error").path("message").asText())
        .startsWith("bad .torrent in metainfo: ")
        .contains("..");
    assertError(
        call("torrent.add", "{\"torrent\":\"" + MAGNET + "\",\"metainfo\":\"AA==\"}"),
        -32602,
        "give exactly one of 'torrent' (a magnet link or a .torrent path) and 'metainfo' (a"
            + " .torrent in base64)");
    assertError(
        call("torrent.add", "{\"torrent\":\"" + MAGNET + "\",\"peers\":[\"example.org:1\"]}"),
        -8,
        "peer 'example.org:1' must name an IP address (names are not resolved)");
    assertError(
        call("torrent.add", "{\"torrent\":\"" + MAGNET + "\",\"files\":[-1]}"),
        -8,
        "files holds '-1', not a file index (0 or more)");
    assertError(
        call("torrent.add", "{\"torrent\":\"" + MAGNET + "\",\"maxDownloadRate\":-5}"),
        -8,
        "maxDownloadRate -5 is outside 0..8589934592 bytes per second");
    assertError(
        call("torrent.add", "{\"torrent\":\"" + MAGNET + "\",\"colour\":\"red\"}"),
        -32602,
        "unknown parameter 'colour'");
    assertThat(torrents.entries).isEmpty();
  }

  private static String messageOf(String magnet) {
    try {
      org.equinode.torrent.magnet.MagnetLink.parse(magnet);
      throw new AssertionError("parsed");
    } catch (org.equinode.torrent.TorrentException e) {
      return String.valueOf(e.getMessage());
    }
  }

  @Test
  void listStatusPauseResumeAndRemove() throws Exception {
    result("torrent.add", "[\"" + MAGNET + "\"]");
    JsonNode list = result("torrent.list", "[]");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("infohash").asText()).isEqualTo(HASH);
    assertThat(list.get(0).get("progress").decimalValue()).isEqualByComparingTo("0.25");

    JsonNode status =
        result("torrent.status", "[\"" + HASH.toUpperCase(java.util.Locale.ROOT) + "\"]");
    assertThat(status.get("state").asText()).isEqualTo("downloading");
    assertThat(status.get("files")).isEmpty();
    assertThat(result("torrent.pause", "[\"" + HASH + "\"]").get("state").asText())
        .isEqualTo("paused");
    assertThat(result("torrent.resume", "{\"infohash\":\"" + HASH + "\"}").get("state").asText())
        .isEqualTo("downloading");
    JsonNode removed = result("torrent.remove", "[\"" + HASH + "\"]");
    assertThat(removed.get("infohash").asText()).isEqualTo(HASH);
    assertThat(removed.get("notDeleted")).isEmpty();
    assertThat(torrents.deletions).containsExactly(false);
    assertThat(result("torrent.list", "[]")).isEmpty();

    result("torrent.add", "[\"" + MAGNET + "\"]");
    JsonNode partly =
        result("torrent.remove", "{\"infohash\":\"" + HASH + "\",\"deleteData\":true}");
    assertThat(partly.get("notDeleted")).hasSize(1);
    assertThat(torrents.deletions).containsExactly(false, true);
  }

  @Test
  void methodsNamingATorrentRefuseBadAndUnknownInfoHashes() throws Exception {
    for (String method :
        List.of("torrent.status", "torrent.pause", "torrent.resume", "torrent.remove")) {
      assertError(call(method, "[\"" + HASH + "\"]"), -80, "no torrent " + HASH + " in the node");
      assertError(
          call(method, "[\"abc\"]"), -8, "infohash must be 40 hex digits, got 3 characters: 'abc'");
      assertError(
          call(method, "[\"" + HASH.replace('0', 'g') + "\"]"),
          -8,
          "bad infohash '" + HASH.replace('0', 'g') + "': not a hex digit at position 0: 'g'");
      assertError(call(method, "[]"), -32602, "missing parameter 1 (infohash)");
      assertError(call(method, "[7]"), -3, "parameter 1 (infohash) must be a string");
    }
  }

  @Test
  void setLimitsChangesTheEngineOrOneTorrent() throws Exception {
    JsonNode engine =
        result("torrent.setlimits", "{\"maxDownloadRate\":50000,\"maxConnections\":10}");
    assertThat(engine.get("maxDownloadRate").asLong()).isEqualTo(50000);
    assertThat(engine.has("maxUploadRate")).isFalse();
    assertThat(engine.get("maxConnections").asInt()).isEqualTo(10);
    engine = result("torrent.setlimits", "{\"maxUploadRate\":7}");
    assertThat(engine.get("maxDownloadRate").asLong()).isEqualTo(50000);
    assertThat(engine.get("maxUploadRate").asLong()).isEqualTo(7);
    engine = result("torrent.setlimits", "{\"maxDownloadRate\":0}");
    assertThat(engine.has("maxDownloadRate")).isFalse();

    result("torrent.add", "[\"" + MAGNET + "\"]");
    JsonNode one =
        result("torrent.setlimits", "{\"infohash\":\"" + HASH + "\",\"maxUploadRate\":4096}");
    assertThat(one.get("maxUploadRate").asLong()).isEqualTo(4096);
    assertError(
        call("torrent.setlimits", "{\"maxConnections\":0}"),
        -8,
        "maxConnections 0 is outside 1..20000");
    assertError(
        call("torrent.setlimits", "{\"infohash\":\"" + HASH + "\",\"maxConnections\":5}"),
        -8,
        "maxConnections applies to the whole node; leave out infohash");
  }
}
