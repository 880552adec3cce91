package org.equinode.wallet.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.equinode.common.MalformedException;
import org.equinode.crypto.TaggedHash;
import org.equinode.wallet.WalletException;

/**
 * The preimages of {@code HASH(d)} locks the wallet can open: its own swap secrets, derived from
 * the mnemonic ({@link WalletSecrets#swapSecret}), of which only the digests are stored, and
 * preimages it learned (a counterparty revealed them by spending on this or another chain, so they
 * are no longer secret). Digests are plain SHA-256, as {@code HASH} locks use. Not thread-safe.
 */
public final class HashSecrets {
  /** The most swap secrets one wallet creates. */
  public static final int MAX_OWN = 10_000;

  /** The most learned preimages one wallet keeps. */
  public static final int MAX_LEARNED = 10_000;

  private final List<Hash32> own = new ArrayList<>();
  private final Map<Hash32, Integer> ownByDigest = new HashMap<>();
  private final Map<Hash32, Hash32> learned = new LinkedHashMap<>();

  /** None. */
  public HashSecrets() {}

  /** The plain SHA-256 of a preimage: what {@code HASH(d)} names. */
  public static Hash32 digest(Hash32 preimage) {
    return Hash32.of(TaggedHash.sha256().digest(preimage.toByteArray()));
  }

  /**
   * Derives the next swap secret and remembers its digest.
   *
   * @return the digest, to put in a {@code HASH} lock
   */
  public Hash32 createOwn(WalletSecrets secrets) {
    if (own.size() >= MAX_OWN) {
      throw new WalletException("a wallet creates at most " + MAX_OWN + " swap secrets");
    }
    Hash32 digest = digest(secrets.swapSecret(own.size()));
    addOwn(digest);
    return digest;
  }

  private void addOwn(Hash32 digest) {
    if (ownByDigest.putIfAbsent(digest, own.size()) != null) {
      throw new MalformedException("swap secret " + own.size() + " repeats an earlier digest");
    }
    own.add(digest);
  }

  /** Remembers a preimage learned from someone else; returns its digest. */
  public Hash32 learn(Hash32 preimage) {
    Hash32 digest = digest(preimage);
    if (!learned.containsKey(digest) && learned.size() >= MAX_LEARNED) {
      throw new WalletException("a wallet keeps at most " + MAX_LEARNED + " learned preimages");
    }
    learned.put(digest, preimage);
    return digest;
  }

  /** True when the wallet can open {@code HASH(digest)} (its own secrets need it unlocked). */
  public boolean knows(Hash32 digest) {
    return ownByDigest.containsKey(digest) || learned.containsKey(digest);
  }

  /**
   * The preimage of {@code digest}: learned, or derived from {@code secrets} if it is one's own.
   */
  public Optional<Hash32> preimage(Hash32 digest, Optional<WalletSecrets> secrets) {
    Hash32 known = learned.get(digest);
    if (known != null) {
      return Optional.of(known);
    }
    Integer index = ownByDigest.get(digest);
    if (index == null || secrets.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(secrets.get().swapSecret(index));
  }

  /** The digests of the wallet's own swap secrets, in creation order. */
  public List<Hash32> ownDigests() {
    return List.copyOf(own);
  }

  /** Checks the stored digests of the wallet's own secrets against the mnemonic. */
  public void verify(WalletSecrets secrets) {
    for (int i = 0; i < own.size(); i++) {
      if (!digest(secrets.swapSecret(i)).equals(own.get(i))) {
        throw new WalletException(
            "swap secret "
                + i
                + " in the wallet file is not the one its mnemonic derives: the file was altered");
      }
    }
  }

  /** {@code cs n} digests of own secrets, then {@code cs m} learned preimages, in order. */
  public void write(ByteWriter writer) {
    writer.writeCompactSize(own.size());
    own.forEach(digest -> digest.write(writer));
    writer.writeCompactSize(learned.size());
    learned.values().forEach(preimage -> preimage.write(writer));
  }

  public static HashSecrets read(ByteReader reader) {
    HashSecrets secrets = new HashSecrets();
    int ownCount = reader.readCount(MAX_OWN, "swap secret");
    for (int i = 0; i < ownCount; i++) {
      secrets.addOwn(Hash32.read(reader));
    }
    int learnedCount = reader.readCount(MAX_LEARNED, "learned preimage");
    for (int i = 0; i < learnedCount; i++) {
      Hash32 preimage = Hash32.read(reader);
      if (secrets.learned.put(digest(preimage), preimage) != null) {
        throw new MalformedException("learned preimage " + i + " repeats an earlier one");
      }
    }
    return secrets;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HashSecrets other
        && own.equals(other.own)
        && List.copyOf(learned.values()).equals(List.copyOf(other.learned.values()));
  }

  @Override
  public int hashCode() {
    return own.hashCode();
  }

  @Override
  public String toString() {
    return "HashSecrets[" + own.size() + " own, " + learned.size() + " learned]";
  }
}
