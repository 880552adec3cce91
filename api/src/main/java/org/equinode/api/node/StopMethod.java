package org.equinode.api.node;

import org.equinode.api.RpcContext;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;

/** {@code stop}: asks the node to shut down cleanly, as bitcoind's {@code stop} does. */
public final class StopMethod implements RpcMethod {
  private final Runnable requestStop;

  public StopMethod(Runnable requestStop) {
    this.requestStop = requestStop;
  }

  @Override
  public String name() {
    return "stop";
  }

  @Override
  public String usage() {
    return "";
  }

  @Override
  public String summary() {
    return "Stops the node cleanly.";
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    params.expectAtMost();
    requestStop.run();
    return "Equinode stopping";
  }
}
