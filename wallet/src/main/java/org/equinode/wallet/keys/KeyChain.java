package org.equinode.wallet.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.equinode.chain.LockHash;
import org.equinode.chain.lock.Lock;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;
import org.equinode.crypto.CryptoException;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.wallet.WalletException;
import org.equinode.wallet.WalletLockedException;

/**
 * The wallet's receive keys: key {@code i} is {@link WalletSecrets#receiveKey(int) receive key i},
 * paid to through the lock {@code SIG(key i)}.
 *
 * <p>SLIP-0010 derives Ed25519 keys through hardened levels only, so there is no extended public
 * key: a public key can only be derived with the secrets. The chain therefore keeps the public keys
 * it has derived, and derives {@link #GAP_LIMIT} keys beyond the last one handed out or seen used
 * on the chain. A locked wallet recognises payments to all of them and can hand out those
 * addresses; unlocking derives more. The same window is how a restored wallet finds its coins:
 * scanning the chain marks keys used as payments to them appear, which pushes the window forward.
 *
 * <p>Not thread-safe: the wallet guards it.
 */
public final class KeyChain {
  /** Keys derived beyond the last one used: how far a restore looks past a gap of unused keys. */
  public static final int GAP_LIMIT = 20;

  /** The most receive keys a wallet derives. */
  public static final int MAX_KEYS = 100_000;

  private final List<Ed25519PublicKey> keys = new ArrayList<>();
  private final Map<LockHash, Integer> bySigLock = new HashMap<>();
  private final Map<Ed25519PublicKey, Integer> byKey = new HashMap<>();
  private final TreeMap<Integer, Label> labels = new TreeMap<>();
  private int used;

  private KeyChain() {}

  /** A chain with the first {@link #GAP_LIMIT} keys of {@code secrets}. */
  public static KeyChain create(WalletSecrets secrets) {
    KeyChain chain = new KeyChain();
    chain.extend(secrets);
    return chain;
  }

  /** The number of keys derived so far (indices 0 to this minus 1). */
  public int size() {
    return keys.size();
  }

  /** The number of keys handed out or seen used: index {@code used()} is the next fresh one. */
  public int used() {
    return used;
  }

  /** True when fewer than {@link #GAP_LIMIT} keys lie beyond the last used one. */
  public boolean needsKeys() {
    return keys.size() < Math.min(MAX_KEYS, used + GAP_LIMIT);
  }

  /** Derives keys until {@link #GAP_LIMIT} lie beyond the last used one. */
  public void extend(WalletSecrets secrets) {
    while (needsKeys()) {
      add(secrets.receiveKey(keys.size()).publicKey());
    }
  }

  private void add(Ed25519PublicKey key) {
    int index = keys.size();
    if (byKey.putIfAbsent(key, index) != null) {
      throw new MalformedException("receive key " + index + " repeats key " + byKey.get(key));
    }
    keys.add(key);
    bySigLock.put(new Lock.Sig(key).hash(), index);
  }

  /**
   * Hands out the next fresh key and marks it used.
   *
   * @throws WalletLockedException when every derived key is used and the wallet is locked (the
   *     caller extends the chain first when it is unlocked)
   * @throws WalletException when {@link #MAX_KEYS} keys are used
   */
  public int issue(Optional<Label> label) {
    if (used >= MAX_KEYS) {
      throw new WalletException("all " + MAX_KEYS + " receive keys of this wallet are used");
    }
    if (used >= keys.size()) {
      throw new WalletLockedException(
          "all "
              + keys.size()
              + " derived receive keys are used; unlock the wallet to derive more");
    }
    int index = used;
    used++;
    label.ifPresent(l -> labels.put(index, l));
    return index;
  }

  /** Marks key {@code index} and every key before it used (a payment to it was seen). */
  public void markUsed(int index) {
    checkIndex(index);
    used = Math.max(used, index + 1);
  }

  /** The public key at {@code index}. */
  public Ed25519PublicKey key(int index) {
    checkIndex(index);
    return keys.get(index);
  }

  /** The lock that pays to key {@code index}: {@code SIG(key)}. */
  public Lock.Sig lock(int index) {
    return new Lock.Sig(key(index));
  }

  /** The index of the key whose {@code SIG} lock has this hash. */
  public Optional<Integer> indexOf(LockHash lockHash) {
    return Optional.ofNullable(bySigLock.get(lockHash));
  }

  /** The index of this public key, if it is one of the chain's. */
  public Optional<Integer> indexOf(Ed25519PublicKey key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** The label given when key {@code index} was handed out. */
  public Optional<Label> label(int index) {
    return Optional.ofNullable(labels.get(index));
  }

  /**
   * Checks every stored public key against the secrets: a key that differs means the file's public
   * part was altered (it is not encrypted), and the wallet refuses to trust it.
   */
  public void verify(WalletSecrets secrets) {
    for (int i = 0; i < keys.size(); i++) {
      if (!secrets.receiveKey(i).publicKey().equals(keys.get(i))) {
        throw new WalletException(
            "receive key "
                + i
                + " in the wallet file is not the one its mnemonic derives: the file was altered");
      }
    }
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= keys.size()) {
      throw new WalletException(
          "receive key " + index + " is outside the " + keys.size() + " derived keys");
    }
  }

  /**
   * Writes the chain: {@code cs n}, n public keys, {@code cs used}, then {@code cs m} labels, each
   * {@code cs index} (strictly ascending, below n) and the label.
   */
  public void write(ByteWriter writer) {
    writer.writeCompactSize(keys.size());
    keys.forEach(key -> writer.writeBytes(key.toByteArray()));
    writer.writeCompactSize(used);
    writer.writeCompactSize(labels.size());
    labels.forEach(
        (index, label) -> {
          writer.writeCompactSize(index);
          label.write(writer);
        });
  }

  /** Reads a chain written by {@link #write}. */
  public static KeyChain read(ByteReader reader) {
    KeyChain chain = new KeyChain();
    int count = reader.readCount(MAX_KEYS, "receive key");
    for (int i = 0; i < count; i++) {
      try {
        chain.add(Ed25519PublicKey.parse(reader.readBytes(Ed25519PublicKey.LENGTH)));
      } catch (CryptoException e) {
        throw new MalformedException("receive key " + i + ": " + e.getMessage());
      }
    }
    chain.used = reader.readCount(count, "used receive key");
    int labelCount = reader.readCount(count, "label");
    int previous = -1;
    for (int i = 0; i < labelCount; i++) {
      int index = reader.readCount(count - 1, "labelled key index");
      if (index <= previous) {
        throw new MalformedException("labelled key indices are not strictly ascending at " + index);
      }
      previous = index;
      chain.labels.put(index, Label.read(reader));
    }
    return chain;
  }

  /** Equal when the same keys, use count and labels are stored. */
  @Override
  public boolean equals(Object o) {
    return o instanceof KeyChain other
        && keys.equals(other.keys)
        && used == other.used
        && labels.equals(other.labels);
  }

  @Override
  public int hashCode() {
    return keys.hashCode() * 31 + used;
  }

  @Override
  public String toString() {
    return "KeyChain[" + keys.size() + " keys, " + used + " used]";
  }
}
