package org.equinode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code equinode wallet restore NAME}: the JSON-RPC {@code restorewallet}, with the secrets read
 * from the terminal without echo, or from standard input, never from the command line.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restores a wallet from its recovery words and rescans the chain for its coins.",
      "",
      "The words and the new wallet passphrase are read from the terminal without echo (the"
          + " passphrase twice), or one per line from standard input when it is not a terminal:"
          + " line 1 the words, line 2 the passphrase (empty for none), line 3 the BIP39"
          + " passphrase with --bip39-passphrase. They are never taken from the command line,"
          + " where other users of the machine can read them (ps).",
      "",
      "The rescan finds receive addresses up to 20 unused ones past the last one paid (the gap"
          + " limit), as BIP44 wallets do."
    })
final class WalletRestoreCommand extends NodeCall {
  private static final String NOTHING_DONE = "nothing was restored";

  @SuppressWarnings("NullAway.Init") // required parameter
  @Parameters(index = "0", paramLabel = "NAME", description = "lower-case letters, digits, - _")
  String name;

  @Option(
      names = "--bip39-passphrase",
      description = "The wallet had a BIP39 passphrase (a 25th word): read it too.")
  boolean bip39Passphrase;

  @Option(
      names = "--rescan-from",
      paramLabel = "HEIGHT",
      description = "Scan from this block height rather than the genesis block (default 0).")
  long rescanFrom;

  WalletRestoreCommand(CommandEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    SecretInput input = environment.secrets();
    char[] words = input.require("Recovery words: ", "the recovery words", NOTHING_DONE);
    char[] passphrase = new char[0];
    char[] bip39 = new char[0];
    try {
      passphrase = input.newPassphrase("New wallet passphrase (Enter for none): ", NOTHING_DONE);
      if (bip39Passphrase) {
        bip39 = input.require("BIP39 passphrase: ", "the BIP39 passphrase", NOTHING_DONE);
      }
      List<JsonNode> params =
          new ArrayList<>(
              List.of(
                  TextNode.valueOf(name),
                  TextNode.valueOf(new String(words)),
                  TextNode.valueOf(new String(passphrase)),
                  TextNode.valueOf(new String(bip39)),
                  LongNode.valueOf(rescanFrom)));
      return print(call(Optional.empty(), "restorewallet", params));
    } finally {
      Arrays.fill(words, '\0');
      Arrays.fill(passphrase, '\0');
      Arrays.fill(bip39, '\0');
    }
  }
}
