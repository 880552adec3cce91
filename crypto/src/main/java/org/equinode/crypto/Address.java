package org.equinode.crypto;

import java.util.Arrays;
import java.util.StringJoiner;
import org.equinode.common.Hash32;
import org.equinode.common.Network;

/**
 * A payment address: the 32-byte hash of a lock, on one network, written as bech32m text.
 *
 * <p>The exact layout of the text, for a lock hash {@code h} on network {@code n}:
 *
 * <pre>
 *   n.addressPrefix()   "eq" (main), "teq" (test) or "deq" (dev)
 *   "1"                 the bech32m separator
 *   1 letter            the address version as one 5-bit group; version 0 is the only one
 *                       defined, so today's addresses read "eq1q...", "teq1q...", "deq1q..."
 *   52 letters          the 32 bytes of h regrouped into 5-bit groups, most significant bit
 *                       first; 256 bits fill 51 groups and 1 bit, so the last group carries
 *                       4 zero padding bits
 *   6 letters           the bech32m checksum over all of the above (prefix included)
 * </pre>
 *
 * <p>So a main-network address is 62 letters and a test or dev one 63. The version group is
 * separate from the hash, as in BIP-350 segwit addresses, so that a future lock format (another
 * hash length, say) can get version 1 and coexist: each version is visible as the first data
 * letter, and a decoder that does not know a version refuses it rather than guessing. Parsing
 * accepts the text all in lower or all in upper case (upper case makes denser QR codes); {@link
 * #toString()} always writes lower case.
 */
public record Address(Network network, Hash32 lockHash) {
  /** The only address version defined so far: a 32-byte lock hash. */
  public static final int VERSION_0 = 0;

  /** The number of 5-bit groups that carry a 32-byte lock hash. */
  public static final int LOCK_HASH_GROUPS = (Hash32.LENGTH * 8 + 4) / 5;

  /** The number of data groups of a version-0 address: the version, then the lock hash. */
  public static final int VERSION_0_GROUPS = 1 + LOCK_HASH_GROUPS;

  /**
   * Parses an address that must belong to {@code expected}.
   *
   * @throws CryptoException if the text is not a valid address, or is one for another network
   */
  public static Address parse(String text, Network expected) {
    Address address = parse(text);
    if (address.network != expected) {
      throw new CryptoException(
          "address "
              + InputText.quote(text)
              + " is for the "
              + address.network.id()
              + " network, not "
              + expected.id());
    }
    return address;
  }

  /**
   * Parses an address of any network; the prefix tells which.
   *
   * @throws CryptoException if the text is not valid bech32m (with a message naming the fault), has
   *     an unknown prefix or version, or does not carry exactly a 32-byte lock hash
   */
  public static Address parse(String text) {
    Bech32m.Decoded decoded = Bech32m.decode(text);
    Network network = networkOf(decoded.prefix(), text);
    byte[] groups = decoded.groups();
    if (groups.length == 0) {
      throw new CryptoException("address " + InputText.quote(text) + " has no data");
    }
    if (groups[0] != VERSION_0) {
      throw new CryptoException(
          "address "
              + InputText.quote(text)
              + " has version "
              + groups[0]
              + "; only version "
              + VERSION_0
              + " is known");
    }
    int hashGroups = groups.length - 1;
    if (hashGroups != LOCK_HASH_GROUPS) {
      throw new CryptoException(
          "address "
              + InputText.quote(text)
              + " has "
              + hashGroups
              + " letters of lock hash, expected "
              + LOCK_HASH_GROUPS
              + " (32 bytes)");
    }
    byte[] hash;
    try {
      hash = Bech32m.fromGroups(Arrays.copyOfRange(groups, 1, groups.length));
    } catch (CryptoException e) {
      throw new CryptoException("address " + InputText.quote(text) + ": " + e.getMessage(), e);
    }
    return new Address(network, Hash32.of(hash));
  }

  private static Network networkOf(String prefix, String text) {
    for (Network network : Network.values()) {
      if (network.addressPrefix().equals(prefix)) {
        return network;
      }
    }
    StringJoiner known = new StringJoiner(", ");
    for (Network network : Network.values()) {
      known.add(network.addressPrefix());
    }
    throw new CryptoException(
        "address "
            + InputText.quote(text)
            + " has the unknown prefix "
            + InputText.quote(prefix)
            + " (known: "
            + known
            + ")");
  }

  /** The bech32m text, in lower case. */
  @Override
  public String toString() {
    byte[] hashGroups = Bech32m.toGroups(lockHash.toByteArray());
    byte[] groups = new byte[VERSION_0_GROUPS];
    groups[0] = VERSION_0;
    System.arraycopy(hashGroups, 0, groups, 1, hashGroups.length);
    return Bech32m.encode(network.addressPrefix(), groups);
  }
}
