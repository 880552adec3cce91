package org.equinode.api.node;

/**
 * What {@code getnodeinfo} reports.
 *
 * @param version the software version
 * @param network dev, test or main
 * @param dataDirectory the node's data directory
 * @param rpcUrl where its JSON-RPC server listens
 * @param uptimeSeconds seconds since it started
 */
public record NodeInfo(
    String version, String network, String dataDirectory, String rpcUrl, long uptimeSeconds) {}
