package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equinode.common.Hex;
import org.equinode.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Ed25519 test vector of RFC 8032 section 7.1: key derivation, signing and verification. */
class Ed25519Rfc8032Test {

  /** One test of section 7.1, as hex text. */
  record Rfc8032Case(
      String name, String secret, String publicKey, String message, String signature) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Rfc8032Case> cases() {
    List<Rfc8032Case> cases = new ArrayList<>();
    Map<String, String> fields = new LinkedHashMap<>();
    String text = Vectors.text(Ed25519Rfc8032Test.class, "/vectors/rfc8032-ed25519.txt");
    for (String line : (text + "\n").split("\n", -1)) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (!fields.isEmpty()) {
          cases.add(
              new Rfc8032Case(
                  field(fields, "name"),
                  field(fields, "secret"),
                  field(fields, "public"),
                  field(fields, "message"),
                  field(fields, "signature")));
          fields.clear();
        }
        continue;
      }
      int equals = line.indexOf('=');
      fields.put(line.substring(0, equals), line.substring(equals + 1));
    }
    return cases;
  }

  private static String field(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalStateException("vector " + fields + " has no " + name);
    }
    return value;
  }

  @Test
  void theFileHoldsEveryEd25519TestOfSection71() {
    assertThat(cases())
        .extracting(Rfc8032Case::name)
        .containsExactly("TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void derivesThePublishedPublicKey(Rfc8032Case c) {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(Hex.decode(c.secret()));

    assertThat(Hex.encode(key.publicKey().toByteArray())).isEqualTo(c.publicKey());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void signsToThePublishedSignature(Rfc8032Case c) {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(Hex.decode(c.secret()));

    Ed25519Signature signature = key.sign(Hex.decode(c.message()));

    assertThat(Hex.encode(signature.toByteArray())).isEqualTo(c.signature());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifiesThePublishedSignature(Rfc8032Case c) {
    Ed25519PublicKey key = Ed25519PublicKey.parse(Hex.decode(c.publicKey()));
    Ed25519Signature signature = Ed25519Signature.of(Hex.decode(c.signature()));

    assertThat(key.verify(Hex.decode(c.message()), signature)).isTrue();
  }

  @Test
  void theLongMessageIs1023Bytes() {
    assertThat(Hex.decode(find("TEST 1024").message())).hasSize(1023);
  }

  @Test
  void theShaAbcMessageIsTheSha512OfAbc() throws NoSuchAlgorithmException {
    byte[] digest =
        MessageDigest.getInstance("SHA-512").digest("abc".getBytes(StandardCharsets.US_ASCII));

    assertThat(find("TEST SHA(abc)").message()).isEqualTo(Hex.encode(digest));
  }

  private static Rfc8032Case find(String name) {
    return cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
