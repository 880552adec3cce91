package org.equinode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
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
        "The words are the wallet's backup: 'equinode wallet restore' rebuilds it from them."
      })
  static final class Create extends NodeCall {
    @SuppressWarnings("NullAway.Init") // required parameter
    @Parameters(index = "0", paramLabel = "NAME", description = "lower-case letters, digits, - _")
    String name;

    @Option(
        names = "--passphrase",
        paramLabel = "TEXT",
        description = "Encrypts the wallet file's keys with this passphrase.")
    @Nullable String passphrase;

    Create(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      List<JsonNode> params = new ArrayList<>(List.of(TextNode.valueOf(name)));
      if (passphrase != null) {
        params.add(TextNode.valueOf(passphrase));
      }
      return print(call(Optional.empty(), "createwallet", params));
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
