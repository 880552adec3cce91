package org.equinode.api.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import org.equinode.api.RpcErrorCode;
import org.equinode.api.RpcException;
import org.equinode.api.RpcParams;
import org.equinode.crypto.CryptoException;
import org.equinode.crypto.Mnemonic;
import org.equinode.wallet.Passphrase;
import org.equinode.wallet.Wallet;
import org.equinode.wallet.WalletName;
import org.equinode.wallet.keys.KeyChain;

/**
 * {@code restorewallet name mnemonic passphrase [bip39_passphrase] [rescan_from]}: creates a wallet
 * from its recovery words and scans the active chain for its coins. bitcoind's method of that name
 * restores a backup file; a wallet here is wholly derived from its mnemonic (and the optional BIP39
 * passphrase), so the words are the backup.
 *
 * <p>Everything is checked before anything is written: the name, that no wallet has it, the words
 * (count, each in the BIP39 English list, checksum), the rescan height. The scan derives receive
 * keys {@link KeyChain#GAP_LIMIT} beyond the last one paid, so a wallet that handed out up to that
 * many unused addresses in a row is found whole. Errors: invalid parameter (-8) for the words, the
 * height or the name, wallet already exists (-35).
 */
final class RestoreWallet {
  static final String USAGE = "name mnemonic passphrase [bip39_passphrase] [rescan_from=0]";

  static final String SUMMARY =
      "Creates a wallet from its recovery words and scans the chain from a height (default 0) for"
          + " its coins, "
          + KeyChain.GAP_LIMIT
          + " unused addresses past the last paid; from the command line, use 'wallet restore',"
          + " which reads the words without echo.";

  private RestoreWallet() {}

  static Object call(LedgerHandle ledger, RpcParams params) {
    params.expectAtMost("name", "mnemonic", "passphrase", "bip39_passphrase", "rescan_from");
    WalletName name = WalletMethods.name(params.requiredString(0, "name"));
    Mnemonic mnemonic = mnemonic(params.requiredString(1, "mnemonic"));
    Passphrase passphrase = passphrase(params.requiredString(2, "passphrase"));
    String bip39Passphrase = params.optionalString(3, "bip39_passphrase").orElse("");
    if (bip39Passphrase.length() > Mnemonic.MAX_PASSPHRASE_LENGTH) {
      throw RpcException.invalidParameter(
          "a BIP39 passphrase has at most " + Mnemonic.MAX_PASSPHRASE_LENGTH + " characters");
    }
    long from = params.optionalLong(4, "rescan_from").orElse(0L);
    int tip = ledger.chain().tip().height();
    if (from < 0 || from > tip) {
      throw RpcException.invalidParameter(
          "rescan_from must be a height from 0 to the tip " + tip + ", got " + from);
    }
    if (ledger.walletFiles().contains(name)) {
      throw new RpcException(
          RpcErrorCode.WALLET_ALREADY_EXISTS,
          "wallet " + name.value() + " exists: restore into another name, or unload and move it");
    }
    Wallet wallet;
    try {
      wallet = ledger.restoreWallet(name, mnemonic, bip39Passphrase, passphrase, (int) from);
    } catch (CryptoException e) {
      throw RpcException.invalidParameter(String.valueOf(e.getMessage()));
    } finally {
      passphrase.wipe();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("name", name.value());
    result.put("rescanned_from", from);
    result.put("rescanned_to", wallet.tip().map(t -> t.height()).orElse(-1));
    result.put("addresses_used", wallet.receiveAddresses().size());
    result.put("gap_limit", KeyChain.GAP_LIMIT);
    result.put("transactions", wallet.history().size());
    result.put("locked", wallet.isLocked());
    return result;
  }

  private static Mnemonic mnemonic(String phrase) {
    try {
      return Mnemonic.parse(phrase);
    } catch (CryptoException e) {
      throw RpcException.invalidParameter(String.valueOf(e.getMessage()));
    }
  }

  private static Passphrase passphrase(String text) {
    try {
      return Passphrase.of(text);
    } catch (org.equinode.wallet.WalletException e) {
      throw RpcException.invalidParameter(String.valueOf(e.getMessage()));
    }
  }
}
