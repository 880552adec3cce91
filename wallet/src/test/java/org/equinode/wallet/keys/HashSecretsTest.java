package org.equinode.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.equinode.common.Hex;
import org.equinode.testing.Mutations;
import org.equinode.wallet.TestSecrets;
import org.equinode.wallet.WalletException;
import org.junit.jupiter.api.Test;

class HashSecretsTest {
  private final WalletSecrets secrets = TestSecrets.secrets();

  @Test
  void digestIsPlainSha256() {
    // SHA-256 of 32 zero bytes.
    assertThat(HashSecrets.digest(Hash32.ZERO))
        .isEqualTo(
            Hash32.parse("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925"));
  }

  @Test
  void ownSecretsNeedTheMnemonicLearnedOnesDoNot() {
    HashSecrets hashes = new HashSecrets();
    Hash32 own = hashes.createOwn(secrets);
    assertThat(own).isEqualTo(HashSecrets.digest(secrets.swapSecret(0)));
    assertThat(hashes.knows(own)).isTrue();
    assertThat(hashes.preimage(own, Optional.empty())).isEmpty();
    assertThat(hashes.preimage(own, Optional.of(secrets))).contains(secrets.swapSecret(0));
    assertThat(hashes.createOwn(secrets)).isEqualTo(HashSecrets.digest(secrets.swapSecret(1)));

    Hash32 preimage = Hash32.of(Hex.decode("11".repeat(32)));
    Hash32 learned = hashes.learn(preimage);
    assertThat(hashes.preimage(learned, Optional.empty())).contains(preimage);
    assertThat(hashes.knows(HashSecrets.digest(Hash32.ZERO))).isFalse();
  }

  @Test
  void verifyCatchesAlteredDigests() {
    HashSecrets hashes = new HashSecrets();
    hashes.createOwn(secrets);
    hashes.verify(secrets);
    assertThatThrownBy(() -> hashes.verify(TestSecrets.other()))
        .isInstanceOf(WalletException.class)
        .hasMessageStartingWith("swap secret 0 in the wallet file is not the one");
  }

  @Test
  void roundTripAndMutations() {
    HashSecrets hashes = new HashSecrets();
    hashes.createOwn(secrets);
    hashes.learn(Hash32.ZERO);
    byte[] bytes = encode(hashes);
    assertThat(decode(bytes)).isEqualTo(hashes);
    assertThat(Mutations.check(bytes, b -> encode(decode(b)), 5, 1000)).isPositive();
  }

  private static byte[] encode(HashSecrets hashes) {
    ByteWriter writer = ByteWriter.unbounded();
    hashes.write(writer);
    return writer.toByteArray();
  }

  private static HashSecrets decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    HashSecrets hashes = HashSecrets.read(reader);
    reader.expectEnd("hash secrets");
    return hashes;
  }
}
