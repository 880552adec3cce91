package org.equinode.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.equinode.common.Hex;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.crypto.TaggedHash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Ed25519 signing and verification of a 32-byte message (the size of a signature hash), with one
 * key: BouncyCastle through Equinode's classes beside the JDK's own "Ed25519" provider. Both sign
 * with the same seed, so the constructor checks that they produce the same signature.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Ed25519Benchmark {
  /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519, before the 32 key bytes. */
  private static final byte[] X509_PREFIX = Hex.decode("302a300506032b6570032100");

  private final byte[] message = TaggedHash.of("eq/bench").hash(new byte[0]).toByteArray();
  private final Ed25519PrivateKey privateKey;
  private final Ed25519PublicKey publicKey;
  private final byte[] publicKeyBytes;
  private final Ed25519Signature signature;
  private final byte[] signatureBytes;
  private final Ed25519.PublicPoint bouncyCastlePoint;
  private final Signature jdkSigner;
  private final Signature jdkVerifier;

  /** Distinct keys for {@link #parsePublicKey}. */
  private static final int PARSE_KEYS = 8192;

  private final byte[][] parseKeys = new byte[PARSE_KEYS][];
  private int nextParseKey;

  public Ed25519Benchmark() {
    byte[] seed = TaggedHash.of("eq/bench/seed").hash(new byte[0]).toByteArray();
    privateKey = Ed25519PrivateKey.fromSeed(seed);
    publicKey = privateKey.publicKey();
    publicKeyBytes = publicKey.toByteArray();
    signature = privateKey.sign(message);
    signatureBytes = signature.toByteArray();
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(publicKeyBytes, 0);
    if (point == null) {
      throw new IllegalStateException("the benchmark key does not decode");
    }
    bouncyCastlePoint = point;
    for (int i = 0; i < PARSE_KEYS; i++) {
      byte[] keySeed =
          TaggedHash.of("eq/bench/parse")
              .hash(new byte[] {(byte) i, (byte) (i >> 8)})
              .toByteArray();
      parseKeys[i] = Ed25519PrivateKey.fromSeed(keySeed).publicKey().toByteArray();
    }
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      PrivateKey jdkPrivate =
          factory.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
      byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + publicKeyBytes.length);
      System.arraycopy(publicKeyBytes, 0, encoded, X509_PREFIX.length, publicKeyBytes.length);
      PublicKey jdkPublic = factory.generatePublic(new X509EncodedKeySpec(encoded));
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(jdkPrivate);
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(jdkPublic);
      signer.update(message);
      verifier.update(message);
      if (!Arrays.equals(signer.sign(), signatureBytes) || !verifier.verify(signatureBytes)) {
        throw new IllegalStateException("the JDK and BouncyCastle disagree on the benchmark key");
      }
      jdkSigner = signer;
      jdkVerifier = verifier;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no usable Ed25519 provider", e);
    }
  }

  /** Signing through {@link Ed25519PrivateKey#sign}. */
  @Benchmark
  public Ed25519Signature signBouncyCastle() {
    return privateKey.sign(message);
  }

  /**
   * Verification through {@link Ed25519PublicKey#verify}: the full rule of docs/crypto.md, on
   * Equinode's own group law.
   */
  @Benchmark
  public boolean verifyBouncyCastle() {
    return publicKey.verify(message, signature);
  }

  /**
   * BouncyCastle's own verification, which alone is not the rule (it lets some torsion in R
   * through): the reference for what verification costs.
   */
  @Benchmark
  public boolean verifyBouncyCastleWithoutOrderCheck() {
    return Ed25519.verify(signatureBytes, 0, bouncyCastlePoint, message, 0, message.length);
  }

  /**
   * {@link Ed25519PublicKey#parse}: decoding plus the order check of A, of a key not parsed
   * recently. It cycles through {@link #PARSE_KEYS} distinct keys, twice as many as parse's table
   * of recent keys has slots, so that the table never answers.
   */
  @Benchmark
  public Ed25519PublicKey parsePublicKey() {
    byte[] bytes = parseKeys[nextParseKey];
    nextParseKey = (nextParseKey + 1) % PARSE_KEYS;
    return Ed25519PublicKey.parse(bytes);
  }

  @Benchmark
  public byte[] signJdk() throws SignatureException {
    jdkSigner.update(message);
    return jdkSigner.sign();
  }

  @Benchmark
  public boolean verifyJdk() throws SignatureException {
    jdkVerifier.update(message);
    return jdkVerifier.verify(signatureBytes);
  }
}
