package org.equinode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code equinode wallet ...}: the running node's wallets. */
@Command(
    name = "wallet",
    mixinStandardHelpOptions = true,
    description = "Creates and uses the running node's wallets (see also: equinode rpc).",
    subcommands = {
      WalletCommand.Create.class,
      WalletRestoreCommand.class,
      WalletCommand.Load.class,
      WalletCommand.Unlock.class,
      WalletCommand.Lock.class,
      WalletCommand.NewAddress.class,
      WalletCommand.Balance.class,
      WalletCommand.Send.class,
      WalletCommand.History.class
    })
final class WalletCommand extends CommandGroup {
  /** Options shared by the commands that act on one wallet. */
  abstract static class OneWallet extends NodeCall {
    @Option(
        names = "--wallet",
        paramLabel = "NAME",
        description = "The wallet (needed when several are loaded).")
    @Nullable String wallet;

    OneWallet(CommandEnvironment environment) {
      super(environment);
    }

    Optional<String> wallet() {
      return Optional.ofNullable(wallet);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Creates a wallet and shows its 24 recovery words once: write them down.",
        "",
        "The passphrase that encrypts the wallet file's keys is read from the terminal without"
            + " echo (twice), or as one line from standard input when it is not a terminal (an"
            + " empty line for none). It is never taken from the command line, where other users"
            + " of the machine can read it (ps).",
        "",
        "The words are the wallet's backup: 'equinode wallet restore' rebuilds it from them."
      })
  static final class Create extends NodeCall {
    @SuppressWarnings("NullAway.Init") // required parameter
    @Parameters(index = "0", paramLabel = "NAME", description = "lower-case letters, digits, - _")
    String name;

    Create(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      char[] passphrase =
          environment
              .secrets()
              .newPassphrase("Wallet passphrase (Enter for none): ", "nothing was created");
      try {
        List<JsonNode> params =
            List.of(TextNode.valueOf(name), TextNode.valueOf(new String(passphrase)));
        return print(call(Optional.empty(), "createwallet", params));
      } finally {
        Arrays.fill(passphrase, '\0');
      }
    }
  }

  @Command(
      name = "unlock",
      mixinStandardHelpOptions = true,
      description = {
        "Unlocks a wallet so that it can sign (JSON-RPC walletpassphrase).",
        "",
        "The passphrase is read from the terminal without echo, or as one line from standard"
            + " input when it is not a terminal; never from the command line (ps)."
      })
  static final class Unlock extends OneWallet {
    @Option(
        names = "--for",
        paramLabel = "SECONDS",
        defaultValue = "600",
        description = "How long it stays unlocked (default: ${DEFAULT-VALUE}).")
    long seconds;

    Unlock(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      char[] passphrase =
          environment
              .secrets()
              .require("Wallet passphrase: ", "the wallet passphrase", "the wallet stays locked");
      try {
        return print(
            call(
                wallet(),
                "walletpassphrase",
                List.of(TextNode.valueOf(new String(passphrase)), LongNode.valueOf(seconds))));
      } finally {
        Arrays.fill(passphrase, '\0');
      }
    }
  }

  @Command(
      name = "lock",
      mixinStandardHelpOptions = true,
      description = "Locks a wallet: its keys leave the node's memory (JSON-RPC walletlock).")
  static final class Lock extends OneWallet {
    Lock(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return print(call(wallet(), "walletlock", List.of()));
    }
  }

  @Command(name = "load", mixinStandardHelpOptions = true, description = "Loads a wallet file.")
  static final class Load extends NodeCall {
    @SuppressWarnings("NullAway.Init") // required parameter
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    Load(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return print(call(Optional.empty(), "loadwallet", List.of(TextNode.valueOf(name))));
    }
  }

  @Command(name = "address", mixinStandardHelpOptions = true, description = "A fresh address.")
  static final class NewAddress extends OneWallet {
    NewAddress(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return print(call(wallet(), "getnewaddress", List.of()));
    }
  }

  @Command(
      name = "balance",
      mixinStandardHelpOptions = true,
      description = "Confirmed, pending and immature balances in EQ.")
  static final class Balance extends OneWallet {
    Balance(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return print(call(wallet(), "getbalances", List.of()));
    }
  }

  @Command(name = "send", mixinStandardHelpOptions = true, description = "Pays EQ to an address.")
  static final class Send extends OneWallet {
    @SuppressWarnings("NullAway.Init") // required parameter
    @Parameters(index = "0", paramLabel = "ADDRESS")
    String address;

    @SuppressWarnings("NullAway.Init") // required parameter
    @Parameters(index = "1", paramLabel = "AMOUNT", description = "in EQ, up to 8 decimals")
    BigDecimal amount;

    Send(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return print(
          call(
              wallet(),
              "sendtoaddress",
              List.of(TextNode.valueOf(address), DecimalNode.valueOf(amount))));
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true, description = "Its transactions.")
  static final class History extends OneWallet {
    History(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return print(call(wallet(), "listtransactions", List.of()));
    }
  }
}
