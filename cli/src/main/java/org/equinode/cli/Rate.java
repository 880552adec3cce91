package org.equinode.cli;

import java.util.Locale;
import org.equinode.torrent.swarm.RateLimiter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a rate in bytes per second: {@code 500000}, {@code 500k} (KiB/s), {@code 2m} (MiB/s); 0
 * for no limit.
 */
final class Rate implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (text.endsWith("k")) {
      unit = 1024;
    } else if (text.endsWith("m")) {
      unit = 1024 * 1024;
    }
    String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
    long number;
    try {
      number = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "expected bytes per second such as 500000, 500k or 2m, got '" + value + "'");
    }
    if (number < 0 || number > RateLimiter.MAX_RATE / unit) {
      throw new TypeConversionException(
          "rate '" + value + "' is outside 0.." + RateLimiter.MAX_RATE + " bytes per second");
    }
    return number * unit;
  }
}
