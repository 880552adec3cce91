package org.equinode.cli;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code equinode chain ...}: the running node's chain. */
@Command(
    name = "chain",
    mixinStandardHelpOptions = true,
    description = "Shows the running node's chain (see also: equinode rpc).",
    subcommands = {
      ChainCommand.ShowInfo.class,
      ChainCommand.ShowBlock.class,
      ChainCommand.ShowTx.class
    })
final class ChainCommand extends CommandGroup {
  @Command(name = "info", mixinStandardHelpOptions = true, description = "The tip and network.")
  static final class ShowInfo extends NodeCall {
    ShowInfo(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return print(call(Optional.empty(), "getblockchaininfo", List.of()));
    }
  }

  @Command(
      name = "block",
      mixinStandardHelpOptions = true,
      description = "A block by height or hash, with its transactions.")
  static final class ShowBlock extends NodeCall {
    @SuppressWarnings("NullAway.Init") // required parameter
    @Parameters(index = "0", paramLabel = "HEIGHT|HASH")
    String block;

    ShowBlock(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      String hash =
          block.chars().allMatch(Character::isDigit) && block.length() < 10
              ? call(
                      Optional.empty(),
                      "getblockhash",
                      List.of(IntNode.valueOf(Integer.parseInt(block))))
                  .asText()
              : block;
      return print(
          call(Optional.empty(), "getblock", List.of(TextNode.valueOf(hash), IntNode.valueOf(2))));
    }
  }

  @Command(
      name = "tx",
      mixinStandardHelpOptions = true,
      description = "A transaction from the mempool or the active chain, or from the block given.")
  static final class ShowTx extends NodeCall {
    @SuppressWarnings("NullAway.Init") // required parameter
    @Parameters(index = "0", paramLabel = "TXID")
    String txId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "BLOCKHASH")
    @org.jspecify.annotations.Nullable
    String blockHash;

    ShowTx(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return print(
          call(
              Optional.empty(),
              "getrawtransaction",
              blockHash == null
                  ? List.of(TextNode.valueOf(txId), BooleanNode.TRUE)
                  : List.of(
                      TextNode.valueOf(txId), BooleanNode.TRUE, TextNode.valueOf(blockHash))));
    }
  }
}
