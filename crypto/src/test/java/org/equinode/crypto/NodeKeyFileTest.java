package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyFileTest {
  @TempDir Path folder;

  private static SecureRandom seeded(long seed) throws NoSuchAlgorithmException {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    return random;
  }

  private boolean posix() {
    return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList();
    }
  }

  @Test
  void createsTheKeyOnFirstStartAndLoadsTheSameKeyAfterwards() throws Exception {
    Path file = folder.resolve("node.key");

    Ed25519PrivateKey created = NodeKeyFile.loadOrCreate(file, seeded(1));
    Ed25519PrivateKey loaded = NodeKeyFile.loadOrCreate(file, seeded(2));

    assertThat(loaded.seedBytes()).isEqualTo(created.seedBytes());
    assertThat(loaded.publicKey()).isEqualTo(created.publicKey());
    assertThat(NodeKeyFile.load(file).publicKey()).isEqualTo(created.publicKey());
    assertThat(list(folder)).containsExactly(file);
  }

  @Test
  void theFileIsTheDocumentedThreeLines() throws Exception {
    Path file = folder.resolve("node.key");
    Ed25519PrivateKey key = NodeKeyFile.loadOrCreate(file, seeded(3));

    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);

    assertThat(lines)
        .containsExactly(
            "equinode-node-key 1",
            "seed " + org.equinode.common.Hex.encode(key.seedBytes()),
            "public " + key.publicKey());
    assertThat(Files.size(file)).isEqualTo(NodeKeyFile.VERSION_1_BYTES);
  }

  @Test
  void theFileIsOwnerOnlyAndMissingFoldersAreCreatedOwnerOnly() throws Exception {
    assumeTrue(posix(), "POSIX permissions");
    Path file = folder.resolve("data").resolve("main").resolve("node.key");

    NodeKeyFile.loadOrCreate(file, seeded(4));

    assertThat(permissions(file)).isEqualTo("rw-------");
    assertThat(permissions(folder.resolve("data"))).isEqualTo("rwx------");
    assertThat(permissions(folder.resolve("data").resolve("main"))).isEqualTo("rwx------");
  }

  @Test
  void anExistingFolderKeepsItsPermissions() throws Exception {
    assumeTrue(posix(), "POSIX permissions");
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

    NodeKeyFile.loadOrCreate(folder.resolve("node.key"), seeded(5));

    assertThat(permissions(folder)).isEqualTo("rwxr-xr-x");
  }

  @Test
  void aKeyFileThatOthersCanReadIsRefusedWithTheFix() throws Exception {
    assumeTrue(posix(), "POSIX permissions");
    Path file = folder.resolve("node.key");
    NodeKeyFile.loadOrCreate(file, seeded(6));
    for (String loose : List.of("rw-r--r--", "rw-r-----", "rw----r--", "rw--w----", "rwx---rwx")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(loose));

      assertThatThrownBy(() -> NodeKeyFile.loadOrCreate(file, seeded(7)))
          .isInstanceOf(CryptoException.class)
          .hasMessage(
              "node key file "
                  + file
                  + " is accessible by group or others (permissions "
                  + loose
                  + "); it holds the node's secret key, so it is refused: run chmod 600 "
                  + file);
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    assertThat(NodeKeyFile.load(file).publicKey()).isNotNull();
  }

  @Test
  void aDamagedSeedIsRefused() throws Exception {
    Path file = folder.resolve("node.key");
    NodeKeyFile.loadOrCreate(file, seeded(8));
    byte[] bytes = Files.readAllBytes(file);
    int digit = "equinode-node-key 1\nseed ".length() + 10;
    bytes[digit] = (byte) (bytes[digit] == '0' ? '1' : '0');
    Files.write(file, bytes);

    assertThatThrownBy(() -> NodeKeyFile.loadOrCreate(file, seeded(9)))
        .isInstanceOf(CryptoException.class)
        .hasMessage(
            "refusing node key file "
                + file
                + ": it is damaged: its public key does not belong to its seed");
  }

  @Test
  void filesOfTheWrongFormatAreRefusedNamingTheFile() throws Exception {
    Path file = folder.resolve("node.key");
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 0xab);
    byte[] valid = NodeKeyFile.encode(Ed25519PrivateKey.fromSeed(seed));
    String prefix = "refusing node key file " + file + ": ";

    assertRefused(
        file,
        new byte[0],
        prefix + "it is not an Equinode node key file (no 'equinode-node-key' header)");
    assertRefused(
        file,
        "-----BEGIN OPENSSH PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII),
        prefix + "it is not an Equinode node key file (no 'equinode-node-key' header)");
    assertRefused(
        file,
        "equinode-node-key 2\nseed ...\n".getBytes(StandardCharsets.US_ASCII),
        prefix + "its format version is '2' and this build reads version 1");
    assertRefused(
        file,
        Arrays.copyOf(valid, valid.length - 1),
        prefix + "it is 161 bytes long, a version 1 key file is 162");
    assertRefused(
        file,
        Arrays.copyOf(valid, valid.length + 1),
        prefix + "it is 163 bytes long, a version 1 key file is 162");
    byte[] upperCase =
        new String(valid, StandardCharsets.US_ASCII)
            .replace("seed ab", "seed AB")
            .getBytes(StandardCharsets.US_ASCII);
    assertRefused(
        file, upperCase, prefix + "its 'seed' line is not 'seed ' and 64 lower-case hex digits");
    byte[] noPublic =
        new String(valid, StandardCharsets.US_ASCII)
            .replace("public ", "public:")
            .getBytes(StandardCharsets.US_ASCII);
    assertRefused(
        file, noPublic, prefix + "its 'public' line is not 'public ' and 64 lower-case hex digits");
  }

  @Test
  void aFileLargerThanAnyKeyFileIsRefusedBeforeItIsRead() throws Exception {
    Path file = folder.resolve("node.key");
    Files.write(file, new byte[NodeKeyFile.MAX_FILE_BYTES + 1]);
    if (posix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    assertThatThrownBy(() -> NodeKeyFile.load(file))
        .isInstanceOf(CryptoException.class)
        .hasMessage(
            "refusing node key file " + file + ": it is 4097 bytes, more than any node key file");
  }

  @Test
  void encodeAndDecodeRoundTrip() {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(new byte[32]);

    Ed25519PrivateKey decoded = NodeKeyFile.decode(folder, NodeKeyFile.encode(key));

    assertThat(decoded.seedBytes()).isEqualTo(key.seedBytes());
  }

  @Test
  void mutatedFilesDecodeToTheSameBytesOrAreRefused() {
    RandomGenerator random = SeededRandom.of(600);
    byte[] valid = NodeKeyFile.encode(Ed25519PrivateKey.fromSeed(SeededRandom.bytes(random, 32)));
    for (int i = 0; i < 3000; i++) {
      byte[] mutated = mutate(random, valid);
      try {
        assertThat(NodeKeyFile.encode(NodeKeyFile.decode(folder, mutated))).isEqualTo(mutated);
      } catch (CryptoException e) {
        assertThat(e).hasMessageStartingWith("refusing node key file " + folder + ": ");
      }
    }
  }

  private static byte[] mutate(RandomGenerator random, byte[] bytes) {
    byte[] out;
    switch (random.nextInt(3)) {
      case 0 -> out = Arrays.copyOf(bytes, random.nextInt(bytes.length + 8));
      case 1 -> {
        out = bytes.clone();
        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
      }
      default -> {
        out = bytes.clone();
        out[random.nextInt(out.length)] = (byte) random.nextInt(256);
      }
    }
    return out;
  }

  private void assertRefused(Path file, byte[] content, String message) throws IOException {
    Files.write(file, content);
    if (posix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    assertThatThrownBy(() -> NodeKeyFile.load(file))
        .isInstanceOf(CryptoException.class)
        .hasMessage(message);
  }
}
