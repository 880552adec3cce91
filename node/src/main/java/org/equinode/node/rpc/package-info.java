/** The node's JSON-RPC endpoint: an HTTP server on loopback with a per-start bearer token. */
@NullMarked
package org.equinode.node.rpc;

import org.jspecify.annotations.NullMarked;
