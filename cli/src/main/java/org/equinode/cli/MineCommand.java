package org.equinode.cli;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code equinode mine N [--to ADDRESS]}: mines blocks on the running node. */
@Command(
    name = "mine",
    mixinStandardHelpOptions = true,
    description = {
      "Mines blocks on the running node.",
      "They pay to --to ADDRESS, or to a fresh address of the loaded wallet (--wallet NAME).",
      "On dev each block takes milliseconds."
    })
final class MineCommand extends NodeCall {
  @Parameters(index = "0", paramLabel = "BLOCKS", defaultValue = "1")
  int blocks;

  @Option(names = "--to", paramLabel = "ADDRESS", description = "Who gets the coinbases.")
  @Nullable String to;

  @Option(names = "--wallet", paramLabel = "NAME", description = "The wallet to pay.")
  @Nullable String wallet;

  MineCommand(CommandEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    String address =
        to != null ? to : call(Optional.ofNullable(wallet), "getnewaddress", List.of()).asText();
    return print(
        call(
            Optional.empty(),
            "generatetoaddress",
            List.of(IntNode.valueOf(blocks), TextNode.valueOf(address))));
  }
}
