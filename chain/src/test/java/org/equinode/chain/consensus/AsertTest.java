package org.equinode.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.equinode.chain.block.CompactTarget;
import org.equinode.chain.params.ChainParams;
import org.equinode.common.Network;
import org.equinode.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AsertTest {
  // The constants of the published vectors: Bitcoin Cash's mainnet.
  private static final long SPACING = 600;
  private static final long HALF_LIFE = 172_800;
  private static final CompactTarget LIMIT = new CompactTarget(0x1d00ffff);

  private record Line(int iteration, BigInteger height, BigInteger time, int bits) {}

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "run01", "run02", "run03", "run04", "run05", "run06", "run07", "run08", "run09", "run10"
      })
  void reproducesThePublishedVectorsExactly(String run) {
    String text = Vectors.text(AsertTest.class, "/vectors/asert/" + run);
    Map<String, String> header = new HashMap<>();
    List<Line> lines = new ArrayList<>();
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("##")) {
        int colon = line.indexOf(':');
        header.put(line.substring(2, colon).strip(), line.substring(colon + 1).strip());
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        String[] fields = line.split(" ", -1);
        lines.add(
            new Line(
                Integer.parseInt(fields[0]),
                new BigInteger(fields[1]),
                new BigInteger(fields[2]),
                Integer.parseUnsignedInt(fields[3].substring(2), 16)));
      }
    }
    BigInteger anchorHeight = new BigInteger(field(header, "anchor height"));
    BigInteger anchorParentTime = new BigInteger(field(header, "anchor ancestor time"));
    CompactTarget anchorBits =
        new CompactTarget(Integer.parseUnsignedInt(field(header, "anchor nBits").substring(2), 16));
    assertThat(lines).hasSize(Integer.parseInt(field(header, "iterations")));

    for (Line line : lines) {
      CompactTarget next =
          Asert.nextBits(
              anchorBits,
              line.time().subtract(anchorParentTime),
              line.height().subtract(anchorHeight).longValueExact(),
              SPACING,
              HALF_LIFE,
              LIMIT);
      assertThat(next.bits())
          .as("%s iteration %d: got %s", run, line.iteration(), next)
          .isEqualTo(line.bits());
    }
  }

  private static String field(Map<String, String> header, String name) {
    String value = header.get(name);
    if (value == null) {
      throw new AssertionError("the vector file has no '" + name + "'");
    }
    return value;
  }

  @ParameterizedTest
  @EnumSource(Network.class)
  void staysAtTheGenesisTargetOnSchedule(Network network) {
    ChainParams params = ChainParams.of(network);
    Asert asert = Asert.of(params);
    CompactTarget genesisBits = params.genesis().header().bits();
    for (int height : new int[] {0, 1, 2, 100, 1_000_000}) {
      long onTime = params.genesisTime() + height * params.targetSpacing();
      assertThat(asert.nextBits(height, onTime)).isEqualTo(genesisBits);
      // Behind schedule the target would grow, but the genesis target is the limit.
      assertThat(asert.nextBits(height, onTime + params.asertHalfLife())).isEqualTo(genesisBits);
    }
  }

  @Test
  void halvesTheTargetOneHalfLifeAheadOfSchedule() {
    ChainParams params = ChainParams.of(Network.MAIN);
    Asert asert = Asert.of(params);
    long height = 5000;
    long onTime = params.genesisTime() + height * params.targetSpacing();
    BigInteger limit = params.powLimit().target();
    assertThat(asert.nextBits(height, onTime - params.asertHalfLife()).target())
        .isEqualTo(CompactTarget.of(limit.shiftRight(1)).target());
    assertThat(asert.nextBits(height, onTime - 3 * params.asertHalfLife()).target())
        .isEqualTo(CompactTarget.of(limit.shiftRight(3)).target());
    CompactTarget halfwayHarder = asert.nextBits(height, onTime - params.asertHalfLife() / 2);
    assertThat(halfwayHarder.target()).isLessThan(limit).isGreaterThan(limit.shiftRight(1));
  }

  @Test
  void clampsAtBothEndsWithoutOverflow() {
    CompactTarget one = CompactTarget.of(BigInteger.ONE);
    // Far out: answered without shifting by billions of bits.
    assertThat(nextBits(Long.MAX_VALUE, 0)).isEqualTo(LIMIT);
    assertThat(nextBits(Long.MIN_VALUE, 0)).isEqualTo(one);
    assertThat(nextBits(0, Long.MAX_VALUE)).isEqualTo(one);
    // Near: the general path clamps. The limit is about 2^224.
    assertThat(nextBits(HALF_LIFE, 0)).isEqualTo(LIMIT);
    assertThat(nextBits(-HALF_LIFE * 220, 0).target()).isEqualTo(BigInteger.valueOf(15));
    assertThat(nextBits(-HALF_LIFE * 230, 0)).isEqualTo(one);
  }

  private static CompactTarget nextBits(long timeDelta, long heightDelta) {
    return Asert.nextBits(
        LIMIT,
        BigInteger.valueOf(timeDelta).add(BigInteger.valueOf(SPACING)),
        heightDelta,
        SPACING,
        HALF_LIFE,
        LIMIT);
  }

  @Test
  void refusesAHeightBelowTheAnchor() {
    Asert asert = Asert.of(ChainParams.of(Network.DEV));
    assertThatThrownBy(() -> asert.nextBits(-1, 0))
        .isInstanceOf(ConsensusException.class)
        .hasMessageContaining("below the anchor");
  }
}
