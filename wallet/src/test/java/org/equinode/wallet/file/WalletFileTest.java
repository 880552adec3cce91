package org.equinode.wallet.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.equinode.common.DecodeException;
import org.equinode.common.MalformedException;
import org.equinode.common.Network;
import org.equinode.common.TruncatedException;
import org.equinode.crypto.Mnemonic;
import org.equinode.crypto.TaggedHash;
import org.equinode.testing.Mutations;
import org.equinode.wallet.Passphrase;
import org.equinode.wallet.TestContexts;
import org.equinode.wallet.TestSecrets;
import org.equinode.wallet.WalletFileException;
import org.equinode.wallet.keys.WalletSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletFileTest {
  private static final Passphrase PASSPHRASE = Passphrase.of("correct horse");
  private static final byte[] PUBLIC = {1, 2, 3, 4, 5};

  private final WalletSecrets secrets = WalletSecrets.of(TestSecrets.mnemonic(), "extra words");

  private WalletFile sealed() {
    return WalletFile.seal(
        Network.TEST, secrets, PASSPHRASE, TestContexts.CHEAP_KDF, TestContexts.seeded(1), PUBLIC);
  }

  @Test
  void roundTrip() {
    WalletFile file = sealed();
    byte[] bytes = file.encode();
    WalletFile again = WalletFile.decode(bytes);
    assertThat(again.encode()).isEqualTo(bytes);
    assertThat(again.network()).isEqualTo(Network.TEST);
    assertThat(again.kdf()).isEqualTo(TestContexts.CHEAP_KDF);
    assertThat(again.publicSection()).isEqualTo(PUBLIC);
    WalletSecrets opened = again.open(Passphrase.of("correct horse")).orElseThrow();
    assertThat(opened).isEqualTo(secrets);
    assertThat(opened.bip39Passphrase()).isEqualTo("extra words");
  }

  @Test
  void layoutStartsWithTheHeader() {
    byte[] bytes = sealed().encode();
    assertThat(new String(bytes, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("EQWALLET");
    assertThat(bytes[8]).isEqualTo((byte) 1); // format version, u16 LE
    assertThat(bytes[9]).isZero();
    assertThat(bytes[10]).isEqualTo((byte) 2); // test network
    assertThat(bytes[11]).isEqualTo((byte) 1); // Argon2id
    assertThat(bytes[12 + 9 + 16]).isEqualTo((byte) 1); // AES-256-GCM
    assertThat(WalletFile.HEADER_LENGTH).isEqualTo(50);
    byte[] checksum = TaggedHash.sha256().digest(Arrays.copyOf(bytes, bytes.length - 32));
    assertThat(Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length)).isEqualTo(checksum);
  }

  @Test
  void aWrongPassphraseOpensNothing() {
    WalletFile file = sealed();
    assertThat(file.open(Passphrase.of("correct horse "))).isEmpty();
    assertThat(file.open(Passphrase.of(""))).isEmpty();
  }

  @Test
  void theHeaderIsAuthenticated() {
    byte[] bytes = sealed().encode();
    // Another network code, with the checksum recomputed: the file decodes, the secrets do not
    // open.
    bytes[10] = 3;
    WalletFile moved = WalletFile.decode(withChecksum(bytes));
    assertThat(moved.network()).isEqualTo(Network.DEV);
    assertThat(moved.open(PASSPHRASE)).isEmpty();
  }

  @Test
  void anAlteredCiphertextOpensNothing() {
    byte[] bytes = sealed().encode();
    bytes[WalletFile.HEADER_LENGTH + 5] ^= 1;
    assertThat(WalletFile.decode(withChecksum(bytes)).open(PASSPHRASE)).isEmpty();
  }

  @Test
  void everyTruncationIsReportedAsSuch() {
    byte[] bytes = sealed().encode();
    for (int length = 0; length < bytes.length; length++) {
      byte[] prefix = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> WalletFile.decode(prefix))
          .as("prefix of %d bytes", length)
          .isInstanceOf(TruncatedException.class);
    }
  }

  @Test
  void everyFlippedBitIsRefused() {
    byte[] bytes = sealed().encode();
    for (int i = 0; i < bytes.length; i++) {
      byte[] altered = bytes.clone();
      altered[i] ^= (byte) (1 << (i % 8));
      assertThatThrownBy(() -> WalletFile.decode(altered))
          .as("bit flipped in byte %d", i)
          .isInstanceOf(DecodeException.class);
    }
  }

  @Test
  void clearMessages() {
    byte[] bytes = sealed().encode();
    byte[] corrupted = bytes.clone();
    corrupted[WalletFile.HEADER_LENGTH + 3] ^= 1;
    assertThatThrownBy(() -> WalletFile.decode(corrupted))
        .isInstanceOf(MalformedException.class)
        .hasMessage("the checksum does not match the contents: the file is corrupted");
    byte[] future = bytes.clone();
    future[8] = 2;
    assertThatThrownBy(() -> WalletFile.decode(future))
        .isInstanceOf(MalformedException.class)
        .hasMessage("wallet file format version 2 is not supported (this program reads version 1)");
    assertThatThrownBy(
            () -> WalletFile.decode("{\"wallet\": 1}".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(MalformedException.class)
        .hasMessage("not an Equinode wallet file (it does not start with EQWALLET)");
  }

  @Test
  void readNamesTheFile(@TempDir Path folder) throws IOException {
    Path path = folder.resolve("w.wallet");
    WalletFile file = sealed();
    file.write(path);
    assertThat(WalletFile.read(path).encode()).isEqualTo(file.encode());

    byte[] bytes = Files.readAllBytes(path);
    Files.write(path, Arrays.copyOf(bytes, bytes.length - 7));
    assertThatThrownBy(() -> WalletFile.read(path))
        .isInstanceOf(WalletFileException.class)
        .hasMessage(
            "wallet file " + path + " is truncated: need 32 bytes for 32 bytes, only 25 left");

    bytes[bytes.length - 40] ^= 1;
    Files.write(path, bytes);
    assertThatThrownBy(() -> WalletFile.read(path))
        .isInstanceOf(WalletFileException.class)
        .hasMessage(
            "wallet file "
                + path
                + " cannot be used: the checksum does not match the contents: the file is"
                + " corrupted");

    assertThatThrownBy(() -> WalletFile.read(folder.resolve("missing.wallet")))
        .isInstanceOf(WalletFileException.class)
        .hasMessage("no wallet file at " + folder.resolve("missing.wallet"));
  }

  @Test
  void mutatedBytesDecodeCanonicallyOrAreRefused() {
    byte[] bytes = sealed().encode();
    int refused = Mutations.check(bytes, b -> WalletFile.decode(b).encode(), 31, 3000);
    // The checksum refuses every real change; a few edits undo themselves (a byte set to itself).
    assertThat(refused).isGreaterThan(2950);
  }

  @Test
  void secretSectionRoundTripAndMutations() {
    byte[] plaintext = SecretsCodec.encode(secrets);
    assertThat(SecretsCodec.decode(plaintext)).isEqualTo(secrets);
    WalletSecrets longest =
        WalletSecrets.of(Mnemonic.fromEntropy(new byte[32]), "\u20ac".repeat(1000));
    assertThat(SecretsCodec.encode(longest)).hasSizeLessThanOrEqualTo(SecretsCodec.MAX_LENGTH);
    int refused =
        Mutations.check(plaintext, b -> SecretsCodec.encode(SecretsCodec.decode(b)), 3, 300);
    assertThat(refused).isPositive();
  }

  private static byte[] withChecksum(byte[] bytes) {
    byte[] out = bytes.clone();
    byte[] checksum = TaggedHash.sha256().digest(Arrays.copyOf(out, out.length - 32));
    System.arraycopy(checksum, 0, out, out.length - 32, 32);
    return out;
  }
}
