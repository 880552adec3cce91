package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.equinode.common.Hex;
import org.junit.jupiter.api.Test;

class Slip10Test {
  @Test
  void theSlip10Ed25519VectorsMatchKeyChainCodeAndPublicKey() {
    byte[] seed = new byte[0];
    int chains = 0;
    for (String line : VectorLines.of("/vectors/slip10/ed25519.txt")) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("seed")) {
        seed = Hex.decode(f[1]);
        continue;
      }
      DerivationPath path = DerivationPath.parse(f[1].replace('H', '\''));
      ExtendedKey key = Slip10.derive(seed, path);
      assertThat(Hex.encode(key.chainCode())).as(f[1]).isEqualTo(f[3]);
      assertThat(Hex.encode(key.key())).as(f[1]).isEqualTo(f[4]);
      // SLIP-0010 writes an Ed25519 public key with a 0x00 byte in front.
      assertThat("00" + Hex.encode(key.privateKey().publicKey().toByteArray()))
          .as(f[1])
          .isEqualTo(f[5]);
      assertThat(Slip10.privateKey(seed, path).publicKey()).isEqualTo(key.privateKey().publicKey());
      chains++;
    }
    assertThat(chains).isEqualTo(12);
  }

  @Test
  void derivingStepByStepEqualsDerivingThePath() {
    byte[] seed = Hex.decode("000102030405060708090a0b0c0d0e0f");
    ExtendedKey master = Slip10.master(seed);
    ExtendedKey stepwise = master.child(0 | ExtendedKey.HARDENED).child(1 | ExtendedKey.HARDENED);
    assertThat(stepwise).isEqualTo(master.derive(DerivationPath.parse("m/0'/1h")));
    assertThat(master.derive(DerivationPath.MASTER)).isEqualTo(master);
  }

  @Test
  void aNonHardenedChildIsRefused() {
    ExtendedKey master = Slip10.master(new byte[16]);
    assertThatThrownBy(() -> master.child(5))
        .isInstanceOf(CryptoException.class)
        .hasMessage(
            "SLIP-0010 Ed25519 derives hardened children only; index 5 is not hardened"
                + " (use 5', that is 2147483653)");
  }

  @Test
  void theSeedLengthIsChecked() {
    assertThatThrownBy(() -> Slip10.master(new byte[15]))
        .isInstanceOf(CryptoException.class)
        .hasMessage("a SLIP-0010 seed is 16 to 64 bytes, got 15");
    assertThatThrownBy(() -> Slip10.master(new byte[65])).isInstanceOf(CryptoException.class);
    assertThat(Slip10.master(new byte[64])).isNotNull();
  }

  @Test
  void theStandardPathFromAMnemonicIsPinned() {
    // Computed for this test by a separate HMAC-SHA512 implementation of SLIP-0010.
    byte[] seed =
        Mnemonic.parse(
                "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
                    + " abandon about")
            .seed("");
    DerivationPath path = DerivationPath.standard(0, 0);
    assertThat(path).hasToString("m/44'/17745'/0'/0'/0'");
    assertThat(Hex.encode(Slip10.derive(seed, path).key()))
        .isEqualTo("2a0c06b2a14f8917f6a39c6c29b8b37eef9504bf3fac0517dcc95fc541891b76");
  }

  @Test
  void theKeyNeverShowsInToString() {
    ExtendedKey key = Slip10.master(Hex.decode("000102030405060708090a0b0c0d0e0f"));
    assertThat(key.toString())
        .isEqualTo(
            "ExtendedKey[public a4b2856bfec510abab89753fac1ac0e1112364e7d250545963f135f2a33188ed]")
        .doesNotContain(Hex.encode(key.key()))
        .doesNotContain(Hex.encode(key.chainCode()));
  }

  @Test
  void anExtendedKeyIsTwoCopiedHalves() {
    byte[] key = new byte[32];
    byte[] chainCode = new byte[32];
    ExtendedKey extended = ExtendedKey.of(key, chainCode);
    key[0] = 1;
    assertThat(extended.key()[0]).isZero();
    assertThat(extended).isEqualTo(ExtendedKey.of(new byte[32], new byte[32]));
    assertThat(extended).isNotEqualTo(ExtendedKey.of(key, chainCode));
    assertThatThrownBy(() -> ExtendedKey.of(new byte[31], new byte[32]))
        .isInstanceOf(CryptoException.class)
        .hasMessage("an extended key is a 32-byte key and a 32-byte chain code, got 31 and 32");
    assertThat(List.of(extended)).contains(ExtendedKey.of(new byte[32], new byte[32]));
  }
}
