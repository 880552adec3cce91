package org.equinode.api;

import java.util.Map;

/** {@code help [method]}: lists every method, or shows one method's usage. */
final class HelpMethod implements RpcMethod {
  private final Map<String, RpcMethod> methods;

  /** The other methods; help adds itself to the listing. */
  HelpMethod(Map<String, RpcMethod> methods) {
    this.methods = new java.util.TreeMap<>(methods);
  }

  @Override
  public String name() {
    return "help";
  }

  @Override
  public String usage() {
    return "[method]";
  }

  @Override
  public String summary() {
    return "Lists the methods, or shows how to call one.";
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    params.expectAtMost("method");
    return params
        .optionalString(0, "method")
        .map(
            name -> {
              RpcMethod method = name.equals(name()) ? this : methods.get(name);
              if (method == null) {
                throw new RpcException(RpcErrorCode.METHOD_NOT_FOUND, "no method '" + name + "'");
              }
              return line(method) + "\n\n" + method.summary();
            })
        .orElseGet(
            () -> {
              StringBuilder text = new StringBuilder();
              for (RpcMethod method : methods.values()) {
                text.append(line(method)).append('\n');
              }
              return text.append(line(this)).toString();
            });
  }

  private static String line(RpcMethod method) {
    return method.usage().isEmpty() ? method.name() : method.name() + " " + method.usage();
  }
}
