package org.equinode.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.equinode.chain.lock.Lock;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;
import org.equinode.testing.Mutations;
import org.equinode.wallet.TestSecrets;
import org.equinode.wallet.WalletException;
import org.equinode.wallet.WalletLockedException;
import org.junit.jupiter.api.Test;

class KeyChainTest {
  private final WalletSecrets secrets = TestSecrets.secrets();

  @Test
  void startsWithAGapLimitOfKeysFromTheStandardPath() {
    KeyChain chain = KeyChain.create(secrets);
    assertThat(chain.size()).isEqualTo(KeyChain.GAP_LIMIT);
    assertThat(chain.used()).isZero();
    for (int i = 0; i < chain.size(); i++) {
      assertThat(chain.key(i)).isEqualTo(secrets.receiveKey(i).publicKey());
      assertThat(chain.lock(i)).isEqualTo(new Lock.Sig(secrets.receiveKey(i).publicKey()));
    }
  }

  @Test
  void handsOutKeysInOrderAndFindsThemByLockHashAndKey() {
    KeyChain chain = KeyChain.create(secrets);
    assertThat(chain.issue(Optional.empty())).isZero();
    assertThat(chain.issue(Optional.of(new Label("rent")))).isEqualTo(1);
    assertThat(chain.used()).isEqualTo(2);
    assertThat(chain.label(1)).contains(new Label("rent"));
    assertThat(chain.label(0)).isEmpty();
    assertThat(chain.indexOf(chain.lock(5).hash())).contains(5);
    assertThat(chain.indexOf(chain.key(7))).contains(7);
    assertThat(chain.indexOf(new Lock.Sig(TestSecrets.other().receiveKey(0).publicKey()).hash()))
        .isEmpty();
  }

  @Test
  void aLockedChainRunsOutAfterItsWindowAndUnlockingExtendsIt() {
    KeyChain chain = KeyChain.create(secrets);
    for (int i = 0; i < KeyChain.GAP_LIMIT; i++) {
      chain.issue(Optional.empty());
    }
    assertThatThrownBy(() -> chain.issue(Optional.empty()))
        .isInstanceOf(WalletLockedException.class)
        .hasMessage("all 20 derived receive keys are used; unlock the wallet to derive more");
    assertThat(chain.needsKeys()).isTrue();
    chain.extend(secrets);
    assertThat(chain.size()).isEqualTo(2 * KeyChain.GAP_LIMIT);
    assertThat(chain.issue(Optional.empty())).isEqualTo(KeyChain.GAP_LIMIT);
  }

  @Test
  void aPaymentSeenToALaterKeyMovesTheWindow() {
    KeyChain chain = KeyChain.create(secrets);
    chain.markUsed(12);
    assertThat(chain.used()).isEqualTo(13);
    chain.markUsed(3);
    assertThat(chain.used()).isEqualTo(13);
    chain.extend(secrets);
    assertThat(chain.size()).isEqualTo(13 + KeyChain.GAP_LIMIT);
    assertThatThrownBy(() -> chain.markUsed(chain.size()))
        .isInstanceOf(WalletException.class)
        .hasMessage("receive key 33 is outside the 33 derived keys");
  }

  @Test
  void verifyCatchesKeysThatTheMnemonicDoesNotDerive() {
    KeyChain chain = KeyChain.create(secrets);
    chain.verify(secrets);
    assertThatThrownBy(() -> chain.verify(TestSecrets.other()))
        .isInstanceOf(WalletException.class)
        .hasMessage(
            "receive key 0 in the wallet file is not the one its mnemonic derives: the file was"
                + " altered");
  }

  @Test
  void roundTrip() {
    KeyChain chain = KeyChain.create(secrets);
    chain.issue(Optional.of(new Label("savings")));
    chain.issue(Optional.empty());
    chain.issue(Optional.of(new Label("café ☕")));
    byte[] bytes = encode(chain);
    KeyChain again = decode(bytes);
    assertThat(again).isEqualTo(chain);
    assertThat(again.indexOf(chain.lock(4).hash())).contains(4);
    assertThat(encode(again)).isEqualTo(bytes);
  }

  @Test
  void refusesRepeatedKeysAndUnorderedLabels() {
    ByteWriter writer = ByteWriter.unbounded().writeCompactSize(2);
    writer.writeBytes(secrets.receiveKey(0).publicKey().toByteArray());
    writer.writeBytes(secrets.receiveKey(0).publicKey().toByteArray());
    writer.writeCompactSize(0).writeCompactSize(0);
    assertThatThrownBy(() -> decode(writer.toByteArray()))
        .isInstanceOf(MalformedException.class)
        .hasMessage("receive key 1 repeats key 0");

    ByteWriter labels = ByteWriter.unbounded().writeCompactSize(2);
    labels.writeBytes(secrets.receiveKey(0).publicKey().toByteArray());
    labels.writeBytes(secrets.receiveKey(1).publicKey().toByteArray());
    labels.writeCompactSize(2).writeCompactSize(2);
    labels.writeCompactSize(1);
    new Label("b").write(labels);
    labels.writeCompactSize(0);
    new Label("a").write(labels);
    assertThatThrownBy(() -> decode(labels.toByteArray()))
        .isInstanceOf(MalformedException.class)
        .hasMessage("labelled key indices are not strictly ascending at 0");
  }

  @Test
  void mutatedBytesDecodeCanonicallyOrAreRefused() {
    KeyChain chain = KeyChain.create(secrets);
    chain.issue(Optional.of(new Label("x")));
    int refused = Mutations.check(encode(chain), bytes -> encode(decode(bytes)), 11, 1500);
    assertThat(refused).isPositive();
  }

  private static byte[] encode(KeyChain chain) {
    ByteWriter writer = ByteWriter.unbounded();
    chain.write(writer);
    return writer.toByteArray();
  }

  private static KeyChain decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    KeyChain chain = KeyChain.read(reader);
    reader.expectEnd("key chain");
    return chain;
  }
}
