package org.equinode.cli;

import java.util.ArrayList;
import java.util.List;
import org.equinode.torrent.session.FileSelection;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --files 0,2,5}: file indexes in torrent order, 0 first. */
final class FileIndexes implements ITypeConverter<FileSelection> {
  @Override
  public FileSelection convert(String value) {
    List<Integer> indexes = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      try {
        int index = Integer.parseInt(part.strip());
        if (index < 0) {
          throw new NumberFormatException();
        }
        indexes.add(index);
      } catch (NumberFormatException e) {
        throw new TypeConversionException(
            "expected file indexes such as 0,2 (see 'torrent info'), got '" + value + "'");
      }
    }
    return FileSelection.of(indexes);
  }
}
