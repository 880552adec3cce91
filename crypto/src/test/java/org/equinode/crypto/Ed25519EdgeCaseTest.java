package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.equinode.common.Hex;
import org.equinode.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The twelve edge cases of "Taming the many EdDSAs" (Chalkias, Garillot, Nikolaenko 2020), as
 * published by ed25519-speccheck, each with the verdict of Equinode's verification rule and the
 * stage that reaches it. {@code docs/crypto.md} has the same table.
 */
class Ed25519EdgeCaseTest {

  /** What Equinode does with a case. */
  enum Verdict {
    ACCEPTED,
    PUBLIC_KEY_REFUSED,
    SIGNATURE_REFUSED
  }

  /** One speccheck case: its number, what it tests, the hex inputs, and the pinned verdict. */
  record EdgeCase(
      int number,
      String description,
      String message,
      String publicKey,
      String signature,
      Verdict verdict) {
    @Override
    public String toString() {
      return number + ": " + description + " -> " + verdict;
    }
  }

  private static final String[] DESCRIPTIONS = {
    "S = 0, small-order A, small-order R",
    "0 < S < L, small-order A, mixed-order R",
    "0 < S < L, mixed-order A, small-order R",
    "0 < S < L, mixed-order A, mixed-order R, both equations hold",
    "0 < S < L, mixed-order A, mixed-order R, only the cofactored equation holds",
    "0 < S < L, mixed-order A, prime-order R, only the cofactored equation holds",
    "S > L (S + L of a valid signature)",
    "S much larger than L",
    "non-canonical R (y >= p), hashed reduced",
    "non-canonical R (y >= p), hashed as sent",
    "non-canonical A (x = 0 with the sign bit set), hashed reduced",
    "non-canonical A (x = 0 with the sign bit set), hashed as sent",
  };

  /**
   * Equinode refuses every case; 0-5 and 8-11 already at the public key, which is not of order L.
   */
  private static final Verdict[] VERDICTS = {
    Verdict.PUBLIC_KEY_REFUSED,
    Verdict.PUBLIC_KEY_REFUSED,
    Verdict.PUBLIC_KEY_REFUSED,
    Verdict.PUBLIC_KEY_REFUSED,
    Verdict.PUBLIC_KEY_REFUSED,
    Verdict.PUBLIC_KEY_REFUSED,
    Verdict.SIGNATURE_REFUSED,
    Verdict.SIGNATURE_REFUSED,
    Verdict.PUBLIC_KEY_REFUSED,
    Verdict.PUBLIC_KEY_REFUSED,
    Verdict.PUBLIC_KEY_REFUSED,
    Verdict.PUBLIC_KEY_REFUSED,
  };

  /**
   * BouncyCastle 1.82's own {@code Ed25519.verify} on the raw bytes: it refuses small-order and
   * non-canonical A but accepts mixed-order A, including case 4 that only the cofactored equation
   * accepts and case 5. Pinned to document why Equinode adds its checks (docs/crypto.md).
   */
  private static final boolean[] BOUNCY_CASTLE_ALONE = {
    false, false, true, true, true, true, false, false, false, false, false, false
  };

  static List<EdgeCase> cases() {
    String text = Vectors.text(Ed25519EdgeCaseTest.class, "/vectors/ed25519-speccheck-cases.txt");
    List<String> lines = text.lines().toList();
    int count = Integer.parseInt(lines.get(0));
    List<EdgeCase> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      cases.add(
          new EdgeCase(
              i,
              DESCRIPTIONS[i],
              value(lines.get(1 + 3 * i), "msg="),
              value(lines.get(2 + 3 * i), "pbk="),
              value(lines.get(3 + 3 * i), "sig="),
              VERDICTS[i]));
    }
    return cases;
  }

  private static String value(String line, String prefix) {
    if (!line.startsWith(prefix)) {
      throw new IllegalStateException("expected " + prefix + " in " + line);
    }
    return line.substring(prefix.length());
  }

  static Verdict verdictOf(String publicKey, String message, String signature) {
    Ed25519PublicKey key;
    try {
      key = Ed25519PublicKey.parse(Hex.decode(publicKey));
    } catch (CryptoException e) {
      return Verdict.PUBLIC_KEY_REFUSED;
    }
    boolean valid = key.verify(Hex.decode(message), Ed25519Signature.of(Hex.decode(signature)));
    return valid ? Verdict.ACCEPTED : Verdict.SIGNATURE_REFUSED;
  }

  @Test
  void theFileHoldsTheTwelveCases() {
    assertThat(cases()).hasSize(12);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdictIsPinned(EdgeCase c) {
    assertThat(verdictOf(c.publicKey(), c.message(), c.signature())).isEqualTo(c.verdict());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void referenceImplementationOfTheRuleAgrees(EdgeCase c) {
    byte[] publicKey = Hex.decode(c.publicKey());
    boolean keyValid = Ed25519Reference.isValidPublicKey(publicKey);
    boolean valid =
        keyValid
            && Ed25519Reference.verify(
                publicKey, Hex.decode(c.message()), Hex.decode(c.signature()));

    assertThat(keyValid).isEqualTo(c.verdict() != Verdict.PUBLIC_KEY_REFUSED);
    assertThat(valid).isEqualTo(c.verdict() == Verdict.ACCEPTED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bouncyCastleAloneGivesTheDocumentedVerdict(EdgeCase c) {
    byte[] pk = Hex.decode(c.publicKey());
    byte[] message = Hex.decode(c.message());
    byte[] signature = Hex.decode(c.signature());

    boolean accepted = Ed25519.verify(signature, 0, pk, 0, message, 0, message.length);

    assertThat(accepted).isEqualTo(BOUNCY_CASTLE_ALONE[c.number()]);
  }
}
