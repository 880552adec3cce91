/**
 * The whole-scenario benchmark of mempool acceptance through JSON-RPC {@code sendrawtransaction}:
 * an Equinode dev node and litecoind in regtest, each a child process on loopback, each given its
 * own pre-signed one-input transactions, timed by the same client code. {@link
 * org.equinode.benchmarks.sendraw.SendRawBench} is the entry point; see benchmarks/README.md.
 */
@NullMarked
package org.equinode.benchmarks.sendraw;

import org.jspecify.annotations.NullMarked;
