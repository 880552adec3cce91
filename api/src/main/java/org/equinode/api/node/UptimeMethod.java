package org.equinode.api.node;

import java.time.Duration;
import java.time.Instant;
import org.equinode.api.RpcContext;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;
import org.equinode.common.TimeSource;

/** {@code uptime}: the seconds since the node started, as bitcoind's. */
public final class UptimeMethod implements RpcMethod {
  private final TimeSource time;
  private final Instant startedAt;

  public UptimeMethod(TimeSource time, Instant startedAt) {
    this.time = time;
    this.startedAt = startedAt;
  }

  @Override
  public String name() {
    return "uptime";
  }

  @Override
  public String usage() {
    return "";
  }

  @Override
  public String summary() {
    return "Seconds since the node started.";
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    params.expectAtMost();
    return Duration.between(startedAt, time.now()).toSeconds();
  }
}
