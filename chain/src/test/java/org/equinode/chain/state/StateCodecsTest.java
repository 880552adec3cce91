package org.equinode.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.chain.Amount;
import org.equinode.chain.BlockHash;
import org.equinode.chain.LockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.DecodeException;
import org.equinode.common.Hash32;
import org.equinode.common.Network;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class StateCodecsTest {
  private static final BlockHeader HEADER = ChainParams.of(Network.DEV).genesis().header();

  static Coin randomCoin(RandomGenerator random) {
    Hash32 lock = Hash32.of(SeededRandom.bytes(random, 32));
    Amount amount = Amount.ofUnits(random.nextLong(Amount.MAX_MONEY + 1));
    return new Coin(
        new TxOut(amount, new LockHash(lock)),
        random.nextInt(Integer.MAX_VALUE),
        random.nextBoolean());
  }

  @Test
  void coinsRoundTrip() {
    RandomGenerator random = SeededRandom.of(1);
    for (int i = 0; i < 200; i++) {
      Coin coin = randomCoin(random);
      byte[] bytes = CoinCodec.encode(coin);
      assertThat(bytes).hasSize(CoinCodec.ENCODED_LENGTH);
      assertThat(CoinCodec.decode(bytes)).isEqualTo(coin);
    }
  }

  @Test
  void coinsRefuseOutOfRangeFields() {
    byte[] valid = CoinCodec.encode(randomCoin(SeededRandom.of(2)));
    byte[] badFlag = valid.clone();
    badFlag[44] = 2;
    assertThatThrownBy(() -> CoinCodec.decode(badFlag)).isInstanceOf(DecodeException.class);
    byte[] badHeight = valid.clone();
    badHeight[43] = (byte) 0x80;
    assertThatThrownBy(() -> CoinCodec.decode(badHeight))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("above 2^31-1");
    byte[] tooRich = valid.clone();
    Arrays.fill(tooRich, 0, 8, (byte) 0xff);
    assertThatThrownBy(() -> CoinCodec.decode(tooRich)).isInstanceOf(DecodeException.class);
  }

  @Test
  void mutatedCoinsDecodeCanonicallyOrAreRefused() {
    byte[] valid = CoinCodec.encode(randomCoin(SeededRandom.of(3)));
    int refused = Mutations.check(valid, b -> CoinCodec.encode(CoinCodec.decode(b)), 31, 2000);
    assertThat(refused).isPositive();
  }

  @Test
  void indexEntriesRoundTrip() {
    BigInteger[] works = {
      BigInteger.ONE,
      BigInteger.valueOf(255),
      BigInteger.valueOf(256),
      HEADER.bits().work(),
      BigInteger.ONE.shiftLeft(8 * BlockIndexEntry.MAX_WORK_BYTES).subtract(BigInteger.ONE)
    };
    BlockStatus[] statuses = {
      BlockStatus.STORED,
      BlockStatus.VALID,
      BlockStatus.STORED.asFailed(),
      new BlockStatus(true, false, false, false),
      new BlockStatus(false, false, false, true)
    };
    for (BigInteger work : works) {
      for (BlockStatus status : statuses) {
        BlockIndexEntry entry = BlockIndexEntry.of(HEADER, 12345, work, status);
        BlockIndexEntry again = BlockIndexEntry.decode(entry.encode());
        assertThat(again).isEqualTo(entry);
        assertThat(again.hash()).isEqualTo(HEADER.hash());
        assertThat(again.chainWork()).isEqualTo(work);
      }
    }
  }

  @Test
  void indexEntriesRefuseNonCanonicalWorkAndStatus() {
    byte[] valid =
        BlockIndexEntry.of(HEADER, 7, BigInteger.valueOf(300), BlockStatus.VALID).encode();
    int workAt = BlockHeader.ENCODED_LENGTH + 4;
    assertThat(valid[workAt]).isEqualTo((byte) 2);
    byte[] leadingZero = new byte[valid.length + 1];
    System.arraycopy(valid, 0, leadingZero, 0, workAt);
    leadingZero[workAt] = 3;
    leadingZero[workAt + 1] = 0;
    System.arraycopy(valid, workAt + 1, leadingZero, workAt + 2, valid.length - workAt - 1);
    assertThatThrownBy(() -> BlockIndexEntry.decode(leadingZero))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("leading zero");
    byte[] unknownBit = valid.clone();
    unknownBit[valid.length - 1] = 0x10;
    assertThatThrownBy(() -> BlockIndexEntry.decode(unknownBit))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("unknown block status bits");
    byte[] validAndFailed = valid.clone();
    validAndFailed[valid.length - 1] = 0x0f;
    assertThatThrownBy(() -> BlockIndexEntry.decode(validAndFailed))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void mutatedIndexEntriesDecodeCanonicallyOrAreRefused() {
    byte[] valid =
        BlockIndexEntry.of(HEADER, 99, HEADER.bits().work().shiftLeft(20), BlockStatus.STORED)
            .encode();
    int refused = Mutations.check(valid, b -> BlockIndexEntry.decode(b).encode(), 32, 2000);
    assertThat(refused).isPositive();
  }

  @Test
  void undoDataRoundTripsEmptyAndFull() {
    RandomGenerator random = SeededRandom.of(4);
    List<Coin> coins = new ArrayList<>();
    for (int size : new int[] {0, 1, 2, 300}) {
      while (coins.size() < size) {
        coins.add(randomCoin(random));
      }
      BlockUndo undo = new BlockUndo(coins);
      assertThat(BlockUndo.decode(undo.encode())).isEqualTo(undo);
    }
  }

  @Test
  void undoDataRefusesACountAboveTheLimitBeforeAllocating() {
    byte[] huge = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
    assertThatThrownBy(() -> BlockUndo.decode(huge))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("exceeds the maximum " + BlockUndo.MAX_SPENT_COINS);
  }

  @Test
  void mutatedUndoDataDecodesCanonicallyOrIsRefused() {
    RandomGenerator random = SeededRandom.of(5);
    List<Coin> coins = List.of(randomCoin(random), randomCoin(random), randomCoin(random));
    byte[] valid = new BlockUndo(coins).encode();
    int refused = Mutations.check(valid, b -> BlockUndo.decode(b).encode(), 33, 2000);
    assertThat(refused).isPositive();
  }

  @Test
  void formatRecordsRoundTripAndRefuseMutations() {
    StateFormat format = new StateFormat(StateFormat.CURRENT, HEADER.hash());
    assertThat(StateFormat.decode(format.encode())).isEqualTo(format);
    assertThat(StateFormat.decode(new StateFormat(0xffff_ffffL, HEADER.hash()).encode()).version())
        .isEqualTo(0xffff_ffffL);
    int refused = Mutations.check(format.encode(), b -> StateFormat.decode(b).encode(), 34, 1000);
    assertThat(refused).isPositive();
  }

  @Test
  void txLocationsRoundTripAndRefuseMutations() {
    TxLocation location = new TxLocation(HEADER.hash(), 7);
    assertThat(TxLocation.decode(location.encode())).isEqualTo(location);
    assertThat(location.encode()).hasSize(TxLocation.ENCODED_LENGTH);
    int refused = Mutations.check(location.encode(), b -> TxLocation.decode(b).encode(), 36, 1000);
    assertThat(refused).isPositive();
  }

  @Test
  void hashValuesAreExactly32Bytes() {
    BlockHash hash = HEADER.hash();
    assertThat(StateKeys.readHashValue(StateKeys.hashValue(hash))).isEqualTo(hash);
    int refused =
        Mutations.check(
            StateKeys.hashValue(hash),
            b -> StateKeys.hashValue(StateKeys.readHashValue(b)),
            35,
            1000);
    assertThat(refused).isPositive();
  }

  @Test
  void coinKeysRoundTripAndSortByTxidThenIndex() {
    TxId txId = new TxId(Hash32.of(SeededRandom.bytes(SeededRandom.of(6), 32)));
    List<byte[]> keys = new ArrayList<>();
    for (long index : new long[] {0, 1, 255, 256, 65_536, OutPoint.MAX_INDEX}) {
      OutPoint outPoint = new OutPoint(txId, index);
      byte[] key = StateKeys.coin(outPoint);
      assertThat(key).hasSize(StateKeys.COIN_KEY_LENGTH);
      assertThat(StateKeys.outPointOf(key)).isEqualTo(outPoint);
      keys.add(key);
    }
    for (int i = 1; i < keys.size(); i++) {
      assertThat(Arrays.compareUnsigned(keys.get(i - 1), keys.get(i))).isNegative();
    }
    int refused =
        Mutations.check(keys.get(3), b -> StateKeys.coin(StateKeys.outPointOf(b)), 36, 1000);
    assertThat(refused).isPositive();
  }

  @Test
  void heightKeysSortNumerically() {
    int[] heights = {0, 1, 255, 256, 65_535, 65_536, Integer.MAX_VALUE};
    for (int i = 1; i < heights.length; i++) {
      assertThat(
              Arrays.compareUnsigned(
                  StateKeys.height(heights[i - 1]), StateKeys.height(heights[i])))
          .isNegative();
    }
  }

  @Test
  void everyKindHasItsOwnPrefix() {
    BlockHash hash = HEADER.hash();
    List<byte[]> keys =
        List.of(
            StateKeys.format(),
            StateKeys.tip(),
            StateKeys.rebuilding(),
            StateKeys.block(hash),
            StateKeys.index(hash),
            StateKeys.undo(hash),
            StateKeys.height(0),
            StateKeys.coin(OutPoint.NULL));
    assertThat(keys.stream().map(k -> k[0]).distinct()).hasSize(keys.size());
  }
}
