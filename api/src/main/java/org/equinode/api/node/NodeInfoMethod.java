package org.equinode.api.node;

import java.util.function.Supplier;
import org.equinode.api.RpcContext;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;

/** {@code getnodeinfo}: the node's version, network, data directory and addresses. */
public final class NodeInfoMethod implements RpcMethod {
  private final Supplier<NodeInfo> info;

  public NodeInfoMethod(Supplier<NodeInfo> info) {
    this.info = info;
  }

  @Override
  public String name() {
    return "getnodeinfo";
  }

  @Override
  public String usage() {
    return "";
  }

  @Override
  public String summary() {
    return "The node's version, network, data directory and JSON-RPC address.";
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    params.expectAtMost();
    return info.get();
  }
}
