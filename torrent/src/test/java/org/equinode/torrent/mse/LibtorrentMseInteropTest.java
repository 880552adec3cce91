package org.equinode.torrent.mse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.equinode.common.ByteWriter;
import org.equinode.common.TimeSource;
import org.equinode.torrent.metainfo.CreateOptions;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.metainfo.TorrentCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * MSE against a real client: libtorrent 2.0 seeding with encryption forced (it refuses plaintext
 * connections) must complete our handshake and answer our BitTorrent handshake through RC4. Skips
 * when python3-libtorrent is not installed; everything stays on 127.0.0.1.
 */
class LibtorrentMseInteropTest {
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir Path folder;

  static boolean libtorrentAvailable() {
    try {
      Process probe = new ProcessBuilder(PYTHON, "-c", "import libtorrent").start();
      return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  @Timeout(60)
  void libtorrentWithForcedEncryptionAcceptsOurHandshake() throws Exception {
    assumeTrue(libtorrentAvailable(), "python3-libtorrent is not installed");
    Path data = folder.resolve("data");
    Files.createDirectories(data);
    byte[] content = new byte[200_000];
    new SecureRandom().nextBytes(content);
    Files.write(data.resolve("file.bin"), content);
    Metainfo metainfo =
        new TorrentCreator(TimeSource.system(), "test")
            .create(data.resolve("file.bin"), CreateOptions.none())
            .metainfo();
    Path torrent = folder.resolve("file.torrent");
    Files.write(torrent, metainfo.encode());
    Path script = folder.resolve("lt_seed.py");
    try (InputStream in =
        getClass().getResourceAsStream("/org/equinode/torrent/interop/lt_seed.py")) {
      Files.write(script, in.readAllBytes());
    }

    Process seeder =
        new ProcessBuilder(PYTHON, script.toString(), torrent.toString(), data.toString(), "forced")
            .redirectError(folder.resolve("seeder.err").toFile())
            .start();
    try {
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(seeder.getInputStream(), StandardCharsets.UTF_8));
      String ready = lines.readLine();
      assertThat(ready).as("seeder output, stderr in %s", folder).startsWith("listening ");
      int port = Integer.parseInt(ready.substring("listening ".length()).trim());

      // libtorrent may report "seeding" a moment before it takes encrypted connections for the
      // torrent (it then drops the handshake): a real client calls again, and so does this test.
      IOException last = new IOException("no attempt");
      for (int attempt = 0; attempt < 5; attempt++) {
        try {
          handshakeWith(port, metainfo);
          return;
        } catch (IOException e) {
          last = e;
          Thread.sleep(300);
        }
      }
      throw last;
    } finally {
      seeder.getOutputStream().close(); // the script exits when its stdin closes
      if (!seeder.waitFor(5, TimeUnit.SECONDS)) {
        seeder.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private static void handshakeWith(int port, Metainfo metainfo) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      byte[] peerId = "-EQ0001-interoptest0".getBytes(StandardCharsets.US_ASCII);
      byte[] handshake =
          ByteWriter.unbounded()
              .writeU8(19)
              .writeBytes("BitTorrent protocol".getBytes(StandardCharsets.US_ASCII))
              .writeBytes(new byte[8])
              .writeBytes(metainfo.infoHash().toByteArray())
              .writeBytes(peerId)
              .toByteArray();
      MseStreams streams =
          MseHandshake.initiate(
              socket.getInputStream(),
              socket.getOutputStream(),
              metainfo.infoHash(),
              handshake,
              EnumSet.of(CryptoMethod.RC4),
              new SecureRandom());
      assertThat(streams.method()).isEqualTo(CryptoMethod.RC4);
      byte[] answer = streams.in().readNBytes(68);
      assertThat(answer).hasSize(68);
      assertThat(answer[0]).isEqualTo((byte) 19);
      assertThat(new String(answer, 1, 19, StandardCharsets.US_ASCII))
          .isEqualTo("BitTorrent protocol");
      assertThat(Arrays.copyOfRange(answer, 28, 48)).isEqualTo(metainfo.infoHash().toByteArray());
    }
  }
}
