package org.equinode.api.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.equinode.api.RpcContext;
import org.equinode.api.RpcErrorCode;
import org.equinode.api.RpcException;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;
import org.equinode.api.chain.Amounts;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.mempool.MempoolVerdict;
import org.equinode.crypto.Address;
import org.equinode.crypto.CryptoException;
import org.equinode.wallet.InsufficientFundsException;
import org.equinode.wallet.NewWallet;
import org.equinode.wallet.Passphrase;
import org.equinode.wallet.Wallet;
import org.equinode.wallet.WalletException;
import org.equinode.wallet.WalletLockedException;
import org.equinode.wallet.WalletName;
import org.equinode.wallet.WrongPassphraseException;
import org.equinode.wallet.keys.Label;
import org.equinode.wallet.ledger.Balance;
import org.equinode.wallet.ledger.HistoryEntry;
import org.equinode.wallet.spend.BuiltTx;
import org.equinode.wallet.spend.FeeRate;
import org.equinode.wallet.spend.Payment;

/**
 * The wallet methods, named as bitcoind's where the meaning is the same: {@code createwallet},
 * {@code loadwallet}, {@code unloadwallet}, {@code listwallets}, {@code getnewaddress}, {@code
 * getbalances}, {@code sendtoaddress}, {@code listtransactions}, {@code abandontransaction}, {@code
 * walletpassphrase}, {@code walletlock}, and {@code generatetoaddress}; and {@code restorewallet},
 * which unlike bitcoind's restores from the recovery words rather than a backup file ({@link
 * RestoreWallet}). A call names its wallet with {@code /wallet/NAME} (the CLI's {@code --wallet});
 * with one wallet loaded, that one is used.
 */
public final class WalletMethods {
  /** The fee rate of a payment when the caller gives none, in units per byte. */
  public static final long DEFAULT_FEE_RATE = 2;

  /** The most blocks one {@code generatetoaddress} mines. */
  public static final int MAX_GENERATE = 10_000;

  private WalletMethods() {}

  /** A method of this family: name, usage, summary and body over the ledger. */
  private record Method(String name, String usage, String summary, Body body) implements RpcMethod {
    @Override
    public Object call(RpcParams params, RpcContext context) {
      try {
        return body.call(params, context);
      } catch (WalletLockedException e) {
        throw new RpcException(RpcErrorCode.WALLET_UNLOCK_NEEDED, String.valueOf(e.getMessage()));
      } catch (WrongPassphraseException e) {
        throw new RpcException(
            RpcErrorCode.WALLET_PASSPHRASE_INCORRECT, String.valueOf(e.getMessage()));
      } catch (InsufficientFundsException e) {
        throw new RpcException(RpcErrorCode.INSUFFICIENT_FUNDS, String.valueOf(e.getMessage()));
      } catch (WalletException e) {
        throw new RpcException(RpcErrorCode.WALLET_ERROR, String.valueOf(e.getMessage()));
      }
    }
  }

  @FunctionalInterface
  private interface Body {
    Object call(RpcParams params, RpcContext context);
  }

  public static List<RpcMethod> all(LedgerHandle ledger) {
    return List.of(
        new Method(
            "createwallet",
            "name [passphrase]",
            "Creates a wallet and shows its recovery words once: write them down.",
            (params, context) -> {
              params.expectAtMost("name", "passphrase");
              WalletName name = name(params.requiredString(0, "name"));
              String passphrase = params.optionalString(1, "passphrase").orElse("");
              if (ledger.walletFiles().contains(name)) {
                throw new RpcException(
                    RpcErrorCode.WALLET_ALREADY_EXISTS, "wallet " + name.value() + " exists");
              }
              NewWallet created =
                  ledger.createWallet(name, Passphrase.of(passphrase), passphrase.isEmpty());
              Map<String, Object> result = new LinkedHashMap<>();
              result.put("name", name.value());
              result.put("mnemonic", created.mnemonic().phrase());
              result.put(
                  "warning",
                  "These words restore the wallet: write them down and keep them secret."
                      + (passphrase.isEmpty()
                          ? " The wallet has no passphrase: anyone who can read its file can"
                              + " spend from it."
                          : ""));
              return result;
            }),
        new Method(
            "restorewallet",
            RestoreWallet.USAGE,
            RestoreWallet.SUMMARY,
            (params, context) -> RestoreWallet.call(ledger, params)),
        new Method(
            "loadwallet",
            "name",
            "Loads a wallet file and brings it up to the tip.",
            (params, context) -> {
              params.expectAtMost("name");
              WalletName name = name(params.requiredString(0, "name"));
              if (!ledger.walletFiles().contains(name)) {
                throw new RpcException(
                    RpcErrorCode.WALLET_NOT_FOUND, "no wallet " + name.value() + " to load");
              }
              Wallet wallet = ledger.loadWallet(name);
              return Map.of("name", wallet.name().value(), "locked", wallet.isLocked());
            }),
        new Method(
            "unloadwallet",
            "[name]",
            "Saves and unloads a wallet.",
            (params, context) -> {
              params.expectAtMost("name");
              Wallet wallet = wallet(ledger, params.optionalString(0, "name").or(context::wallet));
              ledger.unloadWallet(wallet.name());
              return Map.of("name", wallet.name().value());
            }),
        new Method(
            "listwallets",
            "",
            "The loaded wallets.",
            (params, context) -> {
              params.expectAtMost();
              return ledger.loadedWallets().stream().map(WalletName::value).toList();
            }),
        new Method(
            "getnewaddress",
            "[label]",
            "A fresh receiving address of the wallet.",
            (params, context) -> {
              params.expectAtMost("label");
              Optional<Label> label = params.optionalString(0, "label").map(Label::new);
              return wallet(ledger, context.wallet()).freshAddress(label).address().toString();
            }),
        new Method(
            "getbalances",
            "",
            "The wallet's balances in EQ: confirmed (trusted), pending, immature, contracts.",
            (params, context) -> {
              params.expectAtMost();
              Balance balance = wallet(ledger, context.wallet()).balance();
              Map<String, Object> mine = new LinkedHashMap<>();
              mine.put("trusted", Amounts.toJson(balance.confirmed()));
              mine.put("untrusted_pending", Amounts.toJson(balance.pending()));
              mine.put("immature", Amounts.toJson(balance.immature()));
              mine.put("contracts", Amounts.toJson(balance.contracts()));
              return Map.of("mine", mine);
            }),
        new Method(
            "sendtoaddress",
            "address amount [fee_rate]",
            "Pays an amount in EQ to an address; fee_rate in units per byte. Answers the txid.",
            (params, context) -> {
              params.expectAtMost("address", "amount", "fee_rate");
              Address to = address(params.requiredString(0, "address"), ledger);
              Amount amount = Amounts.fromJson(params.requiredDecimal(1, "amount"), "amount");
              FeeRate rate =
                  FeeRate.ofUnitsPerByte(
                      params.optionalLong(2, "fee_rate").orElse(DEFAULT_FEE_RATE));
              BuiltTx built =
                  wallet(ledger, context.wallet())
                      .send(List.of(new Payment(new LockHash(to.lockHash()), amount)), rate);
              return switch (ledger.acceptTransaction(built.tx())) {
                case MempoolVerdict.Accepted accepted -> accepted.entry().txId().hash().toString();
                case MempoolVerdict.Orphan orphan ->
                    throw new RpcException(
                        RpcErrorCode.VERIFY_ERROR,
                        "the payment spends coins the node does not know");
                case MempoolVerdict.Rejected rejected ->
                    throw new RpcException(
                        RpcErrorCode.VERIFY_REJECTED,
                        "the mempool refused the payment: "
                            + rejected.code()
                            + ": "
                            + rejected.detail());
              };
            }),
        new Method(
            "listtransactions",
            "",
            "The wallet's transactions, newest last, with amounts in EQ.",
            (params, context) -> {
              params.expectAtMost();
              return wallet(ledger, context.wallet()).history().stream()
                  .map(WalletMethods::describe)
                  .toList();
            }),
        new Method(
            "abandontransaction",
            "txid",
            "Gives up a pending wallet transaction the mempool does not hold (and the wallet's"
                + " pending ones that spend it): the coins it spent are spendable again.",
            (params, context) -> {
              params.expectAtMost("txid");
              TxId txId = MempoolMethods.txId(params.requiredString(0, "txid"));
              ledger.abandonTransaction(wallet(ledger, context.wallet()), txId);
              return Map.of("txid", txId.hash().toString(), "abandoned", true);
            }),
        new Method(
            "walletpassphrase",
            "passphrase timeout",
            "Unlocks the wallet for timeout seconds.",
            (params, context) -> {
              params.expectAtMost("passphrase", "timeout");
              Passphrase passphrase = Passphrase.of(params.requiredString(0, "passphrase"));
              long seconds = params.requiredLong(1, "timeout");
              if (seconds <= 0 || seconds > Wallet.MAX_UNLOCK.toSeconds()) {
                throw RpcException.invalidParameter(
                    "timeout must be 1.." + Wallet.MAX_UNLOCK.toSeconds() + " seconds");
              }
              wallet(ledger, context.wallet()).unlock(passphrase, Duration.ofSeconds(seconds));
              return Map.of("locked", false);
            }),
        new Method(
            "walletlock",
            "",
            "Locks the wallet: its keys leave memory.",
            (params, context) -> {
              params.expectAtMost();
              wallet(ledger, context.wallet()).lock();
              return Map.of("locked", true);
            }),
        new Method(
            "generatetoaddress",
            "nblocks address",
            "Mines blocks paying to an address, at once (on dev: milliseconds each).",
            (params, context) -> {
              params.expectAtMost("nblocks", "address");
              long count = params.requiredLong(0, "nblocks");
              if (count < 0 || count > MAX_GENERATE) {
                throw RpcException.invalidParameter("nblocks must be 0.." + MAX_GENERATE);
              }
              Address to = address(params.requiredString(1, "address"), ledger);
              return ledger.generate((int) count, new LockHash(to.lockHash()), () -> false).stream()
                  .map(hash -> hash.hash().toString())
                  .toList();
            }));
  }

  private static Map<String, Object> describe(HistoryEntry entry) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("txid", entry.txId().hash().toString());
    out.put("amount", BigDecimal.valueOf(entry.netUnits(), 8));
    entry.fee().ifPresent(fee -> out.put("fee", Amounts.toJson(fee).negate()));
    out.put("confirmations", entry.confirmations());
    entry.height().ifPresent(height -> out.put("blockheight", height));
    out.put("time", entry.time());
    out.put(
        "category",
        entry.coinbase()
            ? (entry.confirmations() >= 100 ? "generate" : "immature")
            : entry.netUnits() < 0 ? "send" : "receive");
    out.put("abandoned", entry.abandoned());
    return out;
  }

  static WalletName name(String text) {
    try {
      return WalletName.of(text);
    } catch (WalletException e) {
      throw RpcException.invalidParameter(String.valueOf(e.getMessage()));
    }
  }

  /** The wallet a call is for: the named one, or the only one loaded. */
  private static Wallet wallet(LedgerHandle ledger, Optional<String> named) {
    if (named.isPresent()) {
      WalletName name = name(named.get());
      return ledger
          .wallet(name)
          .orElseThrow(
              () ->
                  new RpcException(
                      RpcErrorCode.WALLET_NOT_FOUND,
                      "wallet "
                          + name.value()
                          + " is not loaded (loadwallet "
                          + name.value()
                          + ")"));
    }
    List<WalletName> loaded = ledger.loadedWallets();
    if (loaded.size() != 1) {
      throw new RpcException(
          RpcErrorCode.WALLET_NOT_SPECIFIED,
          loaded.isEmpty()
              ? "no wallet is loaded (createwallet or loadwallet)"
              : "several wallets are loaded: name one (rpc --wallet NAME, or /wallet/NAME)");
    }
    return ledger.wallet(loaded.get(0)).orElseThrow();
  }

  private static Address address(String text, LedgerHandle ledger) {
    try {
      return Address.parse(text, ledger.params().network());
    } catch (CryptoException e) {
      throw new RpcException(RpcErrorCode.INVALID_ADDRESS_OR_KEY, String.valueOf(e.getMessage()));
    }
  }
}
