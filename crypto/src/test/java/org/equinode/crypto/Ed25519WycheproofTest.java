package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.common.Hex;
import org.equinode.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The complete Wycheproof Ed25519 verification set: every valid case verifies; every invalid case
 * is refused, by {@link Ed25519PublicKey#parse}, by {@link Ed25519Signature#of} (wrong length) or
 * by {@link Ed25519PublicKey#verify}. The file has no "acceptable" case; the test fails if one
 * appears, so that someone decides its verdict explicitly.
 */
class Ed25519WycheproofTest {

  /** One test case, as the hex text of the vector file. */
  record WycheproofCase(
      int tcId,
      String result,
      String flags,
      String publicKey,
      String message,
      String signature,
      String comment) {
    @Override
    public String toString() {
      return tcId + " " + flags + (comment.isEmpty() ? "" : " (" + comment + ")");
    }
  }

  static List<WycheproofCase> cases() {
    List<WycheproofCase> cases = new ArrayList<>();
    String key = "";
    String text = Vectors.text(Ed25519WycheproofTest.class, "/vectors/wycheproof-ed25519.tsv");
    for (String line : text.lines().toList()) {
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f[0].equals("key")) {
        key = f[1];
        continue;
      }
      cases.add(new WycheproofCase(Integer.parseInt(f[0]), f[1], f[2], key, f[3], f[4], f[5]));
    }
    return cases;
  }

  /** Why the case is refused, or empty when it verifies. */
  static Optional<String> refusal(WycheproofCase c) {
    Ed25519PublicKey key;
    try {
      key = Ed25519PublicKey.parse(Hex.decode(c.publicKey()));
    } catch (CryptoException e) {
      return Optional.of("public key refused: " + e.getMessage());
    }
    Ed25519Signature signature;
    try {
      signature = Ed25519Signature.of(Hex.decode(c.signature()));
    } catch (CryptoException e) {
      return Optional.of("signature refused: " + e.getMessage());
    }
    return key.verify(Hex.decode(c.message()), signature)
        ? Optional.empty()
        : Optional.of("verification failed");
  }

  @Test
  void theFileHoldsAll151CasesInOrder() {
    List<WycheproofCase> cases = cases();

    assertThat(cases)
        .extracting(WycheproofCase::tcId)
        .hasSize(151)
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(cases).filteredOn(c -> c.result().equals("valid")).hasSize(88);
    assertThat(cases).filteredOn(c -> c.result().equals("invalid")).hasSize(63);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdictMatchesTheVector(WycheproofCase c) {
    assertThat(c.result()).as("only valid and invalid are decided").isIn("valid", "invalid");

    Optional<String> refusal = refusal(c);

    if (c.result().equals("valid")) {
      assertThat(refusal).as("tcId %d must verify", c.tcId()).isEmpty();
    } else {
      assertThat(refusal).as("tcId %d must be refused", c.tcId()).isPresent();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void referenceImplementationOfTheRuleAgrees(WycheproofCase c) {
    boolean reference =
        Ed25519Reference.isValidPublicKey(Hex.decode(c.publicKey()))
            && Ed25519Reference.verify(
                Hex.decode(c.publicKey()), Hex.decode(c.message()), Hex.decode(c.signature()));

    assertThat(reference).isEqualTo(refusal(c).isEmpty());
  }
}
