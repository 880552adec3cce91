package org.equinode.cli;

import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates command objects, handing the {@link CommandEnvironment} to the commands that take it. */
final class CommandFactory implements IFactory {
  private final CommandEnvironment environment;
  private final IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(CommandEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return type.getDeclaredConstructor(CommandEnvironment.class).newInstance(environment);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
