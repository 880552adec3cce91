package org.equinode.wallet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.equinode.crypto.Mnemonic;
import org.equinode.wallet.keys.WalletSecrets;

/**
 * The wallets of a node: one file {@code <name>.wallet} each in one folder, any number loaded at
 * once. Thread-safe; file work (Argon2id, reading, writing) runs outside the registry's lock, and a
 * name being created or opened is reserved so that two callers never race on one file.
 */
public final class WalletRegistry {
  /** The entropy of the mnemonic of a new wallet: 256 bits, 24 words. */
  public static final int NEW_MNEMONIC_BITS = 256;

  private final Path folder;
  private final WalletContext context;

  // Guarded by this.
  private final TreeMap<WalletName, Wallet> loaded = new TreeMap<>();
  private final Set<WalletName> busy = new HashSet<>();

  /**
   * A registry of the wallets in {@code folder} (created on the first write, owner-only).
   *
   * @param context what every wallet shares: network, maturity, clock, randomness
   */
  public WalletRegistry(Path folder, WalletContext context) {
    this.folder = folder;
    this.context = context;
  }

  /** The folder the wallet files are in. */
  public Path folder() {
    return folder;
  }

  /** The file of the wallet named {@code name}. */
  public Path pathOf(WalletName name) {
    return folder.resolve(name.fileName());
  }

  /**
   * Creates a wallet with a new 24-word mnemonic and no BIP39 passphrase, and loads it (locked).
   *
   * @throws WalletException if a wallet of that name exists
   */
  public NewWallet create(WalletName name, Passphrase passphrase) {
    Mnemonic mnemonic = Mnemonic.generate(NEW_MNEMONIC_BITS, context.random());
    return new NewWallet(restore(name, mnemonic, "", passphrase), mnemonic);
  }

  /**
   * Creates a wallet from an existing mnemonic and BIP39 passphrase, and loads it (locked). It has
   * seen no block yet: the node feeds it the chain from the start to find its coins.
   *
   * @throws WalletException if a wallet of that name exists
   */
  public Wallet restore(
      WalletName name, Mnemonic mnemonic, String bip39Passphrase, Passphrase passphrase) {
    reserve(name, true);
    try {
      Wallet wallet =
          Wallet.create(
              pathOf(name), name, context, WalletSecrets.of(mnemonic, bip39Passphrase), passphrase);
      return publish(name, wallet);
    } finally {
      release(name);
    }
  }

  /**
   * Loads the wallet named {@code name} (locked), or returns it if it is loaded already.
   *
   * @throws WalletFileException if there is no such wallet or its file cannot be used
   */
  public Wallet open(WalletName name) {
    synchronized (this) {
      Wallet wallet = loaded.get(name);
      if (wallet != null) {
        return wallet;
      }
    }
    reserve(name, false);
    try {
      Optional<Wallet> raced = get(name);
      if (raced.isPresent()) {
        return raced.get(); // another caller loaded it between our two looks
      }
      if (!Files.exists(pathOf(name))) {
        throw new WalletFileException("no wallet named '" + name + "' in " + folder);
      }
      return publish(name, Wallet.load(pathOf(name), name, context));
    } finally {
      release(name);
    }
  }

  /** The loaded wallet named {@code name}. */
  public synchronized Optional<Wallet> get(WalletName name) {
    return Optional.ofNullable(loaded.get(name));
  }

  /** The names of the loaded wallets, in order. */
  public synchronized List<WalletName> loaded() {
    return List.copyOf(loaded.keySet());
  }

  /** The loaded wallets, in name order. */
  public synchronized List<Wallet> loadedWallets() {
    return List.copyOf(loaded.values());
  }

  /**
   * The names of the wallet files in the folder, in order. Files whose names are not valid wallet
   * names are left out.
   */
  public List<WalletName> list() {
    List<WalletName> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files
          .map(path -> path.getFileName().toString())
          .filter(file -> file.endsWith(WalletName.FILE_SUFFIX))
          .map(file -> file.substring(0, file.length() - WalletName.FILE_SUFFIX.length()))
          .forEach(
              text -> {
                try {
                  names.add(WalletName.of(text));
                } catch (WalletException e) {
                  // not a wallet this registry could have written: leave it alone
                }
              });
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new WalletFileException("cannot list the wallet folder " + folder, e);
    }
    names.sort(null);
    return names;
  }

  /**
   * Saves the wallet if it changed, locks it and forgets it. The node stops feeding it first.
   *
   * @return true if it was loaded
   */
  public boolean unload(WalletName name) {
    Wallet wallet;
    synchronized (this) {
      wallet = loaded.remove(name);
    }
    if (wallet == null) {
      return false;
    }
    wallet.lock();
    wallet.flush();
    return true;
  }

  /** Saves every loaded wallet that changed (after a batch of blocks, and at shutdown). */
  public void flushAll() {
    for (Wallet wallet : loadedWallets()) {
      wallet.flush();
    }
  }

  private synchronized void reserve(WalletName name, boolean creating) {
    if (busy.contains(name)) {
      throw new WalletException("wallet '" + name + "' is being created or opened right now");
    }
    if (creating && loaded.containsKey(name)) {
      throw new WalletException("wallet '" + name + "' already exists and is loaded");
    }
    busy.add(name);
  }

  private synchronized void release(WalletName name) {
    busy.remove(name);
  }

  private synchronized Wallet publish(WalletName name, Wallet wallet) {
    loaded.put(name, wallet);
    return wallet;
  }
}
