package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.equinode.common.Hash32;
import org.equinode.common.Hex;
import org.equinode.common.Network;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class AddressTest {
  private static final String ALPHABET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final Hash32 COUNTING =
      Hash32.parse("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  @Test
  void theLayoutIsPinned() {
    // Computed by a separate implementation of BIP-350 written from the spec for this check.
    assertThat(new Address(Network.MAIN, Hash32.ZERO))
        .hasToString("eq1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqtwr87z");
    assertThat(new Address(Network.TEST, Hash32.ZERO))
        .hasToString("teq1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq2h3q0d");
    assertThat(new Address(Network.DEV, Hash32.ZERO))
        .hasToString("deq1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqjefef7");
    assertThat(new Address(Network.MAIN, COUNTING))
        .hasToString("eq1qqqqsyqcyq5rqwzqfpg9scrgwpugpzysnzs23v9ccrydpk8qarc0sz6g97m");
    assertThat(new Address(Network.TEST, COUNTING))
        .hasToString("teq1qqqqsyqcyq5rqwzqfpg9scrgwpugpzysnzs23v9ccrydpk8qarc0srr6z05");
    assertThat(new Address(Network.DEV, COUNTING))
        .hasToString("deq1qqqqsyqcyq5rqwzqfpg9scrgwpugpzysnzs23v9ccrydpk8qarc0smdzmf8");
  }

  @Test
  void addressesSurviveTextOnEveryNetwork() {
    RandomGenerator random = SeededRandom.of(2);
    for (Network network : Network.values()) {
      for (int i = 0; i < 200; i++) {
        Address address = new Address(network, Hash32.of(SeededRandom.bytes(random, 32)));
        String text = address.toString();
        assertThat(text)
            .startsWith(network.addressPrefix() + "1q")
            .hasSize(network.addressPrefix().length() + 1 + Address.VERSION_0_GROUPS + 6);
        assertThat(Address.parse(text)).isEqualTo(address);
        assertThat(Address.parse(text, network)).isEqualTo(address);
        assertThat(Address.parse(text.toUpperCase(Locale.ROOT))).isEqualTo(address);
      }
    }
  }

  @Test
  void anAddressForAnotherNetworkIsRefused() {
    String test = new Address(Network.TEST, COUNTING).toString();
    assertThatThrownBy(() -> Address.parse(test, Network.DEV))
        .isInstanceOf(CryptoException.class)
        .hasMessage("address '" + test + "' is for the test network, not dev");
    String main = new Address(Network.MAIN, COUNTING).toString();
    assertThatThrownBy(() -> Address.parse(main, Network.TEST))
        .isInstanceOf(CryptoException.class)
        .hasMessage("address '" + main + "' is for the main network, not test");
  }

  @Test
  void anUnknownPrefixIsRefused() {
    String text = Bech32m.encode("bc", groups(0, COUNTING));
    assertThatThrownBy(() -> Address.parse(text))
        .isInstanceOf(CryptoException.class)
        .hasMessage("address '" + text + "' has the unknown prefix 'bc' (known: deq, teq, eq)");
  }

  @Test
  void anUnknownVersionIsRefused() {
    String text = Bech32m.encode("deq", groups(1, COUNTING));
    assertThatThrownBy(() -> Address.parse(text))
        .isInstanceOf(CryptoException.class)
        .hasMessage("address '" + text + "' has version 1; only version 0 is known");
  }

  @Test
  void aWrongLengthIsRefused() {
    byte[] full = groups(0, COUNTING);
    String shorter = Bech32m.encode("deq", Arrays.copyOf(full, full.length - 1));
    assertThatThrownBy(() -> Address.parse(shorter))
        .isInstanceOf(CryptoException.class)
        .hasMessage(
            "address '" + shorter + "' has 51 letters of lock hash, expected 52 (32 bytes)");
    String longer = Bech32m.encode("deq", Arrays.copyOf(full, full.length + 1));
    assertThatThrownBy(() -> Address.parse(longer))
        .isInstanceOf(CryptoException.class)
        .hasMessage("address '" + longer + "' has 53 letters of lock hash, expected 52 (32 bytes)");
    String empty = Bech32m.encode("deq", new byte[0]);
    assertThatThrownBy(() -> Address.parse(empty))
        .isInstanceOf(CryptoException.class)
        .hasMessage("address '" + empty + "' has no data");
  }

  @Test
  void nonZeroPaddingIsRefused() {
    byte[] groups = groups(0, COUNTING);
    groups[groups.length - 1] |= 1;
    String text = Bech32m.encode("deq", groups);
    assertThatThrownBy(() -> Address.parse(text))
        .isInstanceOf(CryptoException.class)
        .hasMessage("address '" + text + "': the 4 padding bits are not zero");
  }

  @Test
  void everySingleLetterChangeIsRefused() {
    String text = new Address(Network.DEV, COUNTING).toString();
    int separator = text.lastIndexOf('1');
    int checked = 0;
    for (int i = 0; i < text.length(); i++) {
      char original = text.charAt(i);
      String replacements = ALPHABET + "1" + "abcdefghijklmnopqrstuvwxyz" + original;
      for (char c : (replacements + Character.toUpperCase(original)).toCharArray()) {
        if (c == original) {
          continue;
        }
        String changed = text.substring(0, i) + c + text.substring(i + 1);
        var thrown = assertThatThrownBy(() -> Address.parse(changed)).as(changed);
        thrown.isInstanceOf(CryptoException.class);
        if (i > separator && ALPHABET.indexOf(c) >= 0) {
          // A substitution inside the data is caught by the checksum itself.
          thrown.hasMessage("bad bech32m checksum in '" + changed + "'");
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(text.length() * 32);
  }

  @Test
  void theHashAndNetworkAreKept() {
    Address address = Address.parse(new Address(Network.MAIN, COUNTING).toString());
    assertThat(address.network()).isEqualTo(Network.MAIN);
    assertThat(Hex.encode(address.lockHash().toByteArray()))
        .isEqualTo("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  }

  private static byte[] groups(int version, Hash32 hash) {
    byte[] hashGroups = Bech32m.toGroups(hash.toByteArray());
    byte[] out = new byte[1 + hashGroups.length];
    out[0] = (byte) version;
    System.arraycopy(hashGroups, 0, out, 1, hashGroups.length);
    return out;
  }
}
