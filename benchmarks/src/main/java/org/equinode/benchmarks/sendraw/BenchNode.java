package org.equinode.benchmarks.sendraw;

import java.net.InetSocketAddress;
import java.util.List;

/** One node under test: where to call it, and its own pre-signed transactions. */
interface BenchNode extends AutoCloseable {
  /** A short name for the table. */
  String name();

  /** Its version string, as it reports it. */
  String version();

  long pid();

  InetSocketAddress rpcAddress();

  /** The {@code Authorization} header value its cookie gives. */
  String authorization();

  /**
   * {@code count} transactions, hex, each spending its own confirmed output of this node's coins to
   * one output, signed and never sent: the node has not seen them.
   */
  List<String> presign(int count);

  /** Transactions in its mempool now. */
  long mempoolSize();

  /** Stops the node by its PID. */
  @Override
  void close();
}
