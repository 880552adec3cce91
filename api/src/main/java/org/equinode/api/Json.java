package org.equinode.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON configuration of the API: strict reading with named limits. */
public final class Json {
  /** The deepest nesting of arrays and objects a request may have. */
  public static final int MAX_NESTING_DEPTH = 32;

  /** The longest string value a request may carry (a large raw transaction in hex fits). */
  public static final int MAX_STRING_LENGTH = 8 * 1024 * 1024;

  /** The most digits a number may have. */
  public static final int MAX_NUMBER_LENGTH = 64;

  private static final ObjectMapper MAPPER = build();

  private Json() {}

  /** The shared mapper; Jackson's mappers are thread-safe once configured. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper build() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .streamWriteConstraints(
                StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH * 4).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return JsonMapper.builder(factory)
        // Keep decimals exactly as written: an amount is 12.50000000, not 12.5.
        .disable(
            com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
        // An empty Optional leaves its member out, as bitcoind leaves out what does not apply.
        .defaultPropertyInclusion(
            com.fasterxml.jackson.annotation.JsonInclude.Value.construct(
                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT,
                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT))
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        // Amounts print as 12.50000000, never as 1.25E+1.
        .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();
  }
}
