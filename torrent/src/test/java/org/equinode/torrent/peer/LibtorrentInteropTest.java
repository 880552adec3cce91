package org.equinode.torrent.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.equinode.common.TimeSource;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.metainfo.CreateOptions;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.metainfo.TorrentCreator;
import org.equinode.torrent.peer.PeerMessage.Extended;
import org.equinode.torrent.peer.extension.ExtendedHandshake;
import org.equinode.torrent.peer.extension.ExtensionCodec;
import org.equinode.torrent.peer.extension.ExtensionIds;
import org.equinode.torrent.peer.extension.ExtensionMessage;
import org.equinode.torrent.peer.extension.ExtensionName;
import org.equinode.torrent.peer.extension.MetadataAssembler;
import org.equinode.torrent.peer.extension.MetadataMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real libtorrent (python3-libtorrent, see /work/shared/INTEROP.md) seeding on 127.0.0.1:
 * handshake, extended handshake, metadata over ut_metadata, have-all, interest, unchoke and one
 * block checked against the file. Skipped when libtorrent is not installed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LibtorrentInteropTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final int PIECE_LENGTH = 32 * 1024;
  private static final long WAIT_SECONDS = 15;

  @TempDir Path dir;

  private static boolean libtorrentInstalled() {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return false;
    }
    try {
      Process check =
          new ProcessBuilder(PYTHON, "-c", "import libtorrent").redirectErrorStream(true).start();
      try {
        check.getInputStream().readAllBytes();
        return check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0;
      } finally {
        check.destroyForcibly();
      }
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void downloadsABlockAndTheMetadataFromLibtorrent() throws Exception {
    assumeTrue(
        libtorrentInstalled(),
        "libtorrent's Python binding is not installed for "
            + PYTHON
            + " (apt-get install -y python3-libtorrent): interop test skipped");
    byte[] content = SeededRandom.bytes(SeededRandom.of(11), 5 * PIECE_LENGTH + 1234);
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.write(data.resolve("file.bin"), content);
    Metainfo metainfo =
        new TorrentCreator(TimeSource.system(), "test")
            .create(data.resolve("file.bin"), CreateOptions.none().withPieceLength(PIECE_LENGTH))
            .metainfo();
    InfoDict info = metainfo.info();
    Path torrent = Files.write(dir.resolve("file.torrent"), metainfo.encode());
    Path script = dir.resolve("libtorrent_seed.py");
    try (InputStream in = getClass().getResourceAsStream("libtorrent_seed.py")) {
      Files.write(script, in.readAllBytes());
    }

    Process seeder =
        new ProcessBuilder(PYTHON, script.toString(), torrent.toString(), data.toString())
            .redirectError(dir.resolve("seeder.log").toFile())
            .start();
    try {
      int port = readyPort(seeder);
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        talkTo(socket, info, content);
      }
    } finally {
      seeder.getOutputStream().close();
      if (!seeder.waitFor(3, TimeUnit.SECONDS)) {
        seeder.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private int readyPort(Process seeder) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(seeder.getInputStream(), StandardCharsets.UTF_8));
    String line =
        CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return String.valueOf(out.readLine());
                  } catch (IOException e) {
                    return "failed: " + e;
                  }
                })
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(line).as("seeder output; see seeder.log").startsWith("READY ");
    return Integer.parseInt(line.substring("READY ".length()).trim());
  }

  private void talkTo(Socket socket, InfoDict info, byte[] content) throws Exception {
    LocalPeer us = new LocalPeer(PeerId.random(SeededRandom.of(12)), ReservedBits.ours(false));
    RecordingListener heard =
        new RecordingListener(
            (c, remote) -> {
              c.pieceCount(info.pieceCount());
              ExtendedHandshake ours =
                  ExtendedHandshake.ours(
                      ExtensionIds.LOCAL,
                      "Equinode test",
                      6881,
                      OptionalInt.empty(),
                      Optional.empty());
              c.send(ExtensionCodec.initial().encode(ours).orElseThrow());
            },
            null);
    PeerConnection connection =
        PeerConnection.connect(
            SocketTransport.of(socket),
            info.hash(),
            us,
            heard,
            ConnectionSettings.DEFAULTS,
            TimeSource.system());
    try {
      Handshake theirs = heard.awaitOpen();
      assertThat(theirs.infoHash()).isEqualTo(info.hash());
      assertThat(connection.negotiated().fast()).isTrue();
      assertThat(connection.negotiated().extensionProtocol()).isTrue();

      // libtorrent announces its pieces and its extensions, in some order.
      ExtensionCodec codec = ExtensionCodec.initial();
      boolean hasAll = false;
      Optional<ExtendedHandshake> handshake = Optional.empty();
      while (!hasAll || handshake.isEmpty()) {
        PeerMessage m = heard.next();
        if (m instanceof PeerMessage.HaveAll
            || (m instanceof PeerMessage.Bitfield b && b.pieces().isFull())) {
          hasAll = true;
        } else if (m instanceof Extended e && e.extendedId() == Extended.HANDSHAKE_ID) {
          handshake = codec.decode(e).map(ExtendedHandshake.class::cast);
        }
      }
      ExtendedHandshake lt = handshake.orElseThrow();
      assertThat(lt.client()).hasValueSatisfying(v -> assertThat(v).startsWith("libtorrent"));
      assertThat(lt.metadataSize()).hasValue(info.size());
      codec = codec.withRemote(lt);
      assertThat(codec.peerSupports(ExtensionName.UT_METADATA)).isTrue();

      // The metadata, as a magnet download would fetch it.
      MetadataAssembler assembler = MetadataAssembler.of(info.hash(), info.size());
      connection.send(codec.encode(new MetadataMessage.Request(0)).orElseThrow());
      MetadataMessage.Data piece = (MetadataMessage.Data) awaitExtension(heard, codec);
      assertThat(assembler.add(piece)).isEqualTo(new MetadataAssembler.Outcome.Complete(info));

      // One block: interested, wait for unchoke, request, compare with the file.
      connection.send(new PeerMessage.Interested());
      awaitMessage(heard, PeerMessage.Unchoke.class);
      BlockRequest wanted = new BlockRequest(2, 16 * 1024, 16 * 1024);
      connection.send(new PeerMessage.Request(wanted));
      PeerMessage.Piece block = awaitMessage(heard, PeerMessage.Piece.class);
      assertThat(block.block()).isEqualTo(wanted);
      int offset = 2 * PIECE_LENGTH + 16 * 1024;
      assertThat(block.data())
          .isEqualTo(ByteBuffer.wrap(Arrays.copyOfRange(content, offset, offset + 16 * 1024)));
      assertThat(connection.state()).isEqualTo(PeerConnection.State.OPEN);
    } finally {
      connection.close(CloseReason.CLOSED_LOCALLY, "test over");
    }
    assertThat(heard.awaitClosed().reason()).isEqualTo(CloseReason.CLOSED_LOCALLY);
  }

  private static <T extends PeerMessage> T awaitMessage(RecordingListener heard, Class<T> type)
      throws InterruptedException {
    while (true) {
      PeerMessage m = heard.next();
      if (type.isInstance(m)) {
        return type.cast(m);
      }
    }
  }

  private static ExtensionMessage awaitExtension(RecordingListener heard, ExtensionCodec codec)
      throws InterruptedException {
    while (true) {
      if (heard.next() instanceof Extended e && e.extendedId() != Extended.HANDSHAKE_ID) {
        Optional<ExtensionMessage> m = codec.decode(e);
        if (m.isPresent()) {
          return m.get();
        }
      }
    }
  }
}
