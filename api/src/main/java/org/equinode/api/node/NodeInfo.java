package org.equinode.api.node;

/**
 * What {@code getnodeinfo} reports.
 *
 * @param version the software version
 * @param nodeId the node's identity: the hex of its Ed25519 public key
 * @param network dev, test or main
 * @param dataDirectory the node's data directory
 * @param rpcUrl where its JSON-RPC server listens
 * @param uptimeSeconds seconds since it started
 */
public record NodeInfo(
    String version,
    String nodeId,
    String network,
    String dataDirectory,
    String rpcUrl,
    long uptimeSeconds) {}
