package org.equinode.api.chain;

/**
 * What {@code getblockchaininfo} reports.
 *
 * @param chain the network: dev, test or main
 * @param blocks the height of the tip
 * @param bestblockhash the tip's hash
 * @param bits the tip's compact target, hex
 * @param difficulty the tip's work relative to the easiest target the network allows
 * @param time the tip's time
 * @param mediantime the median time of the last blocks
 * @param chainwork the cumulative work, hex
 */
public record BlockchainInfo(
    String chain,
    int blocks,
    String bestblockhash,
    String bits,
    double difficulty,
    long time,
    long mediantime,
    String chainwork) {}
