package org.equinode.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OrderedDeliveryTest {
  @Test
  void deliversInPostedOrderToEveryListenerOnlyWhenAsked() {
    OrderedDelivery<List<Integer>> delivery = new OrderedDelivery<>();
    List<Integer> first = new ArrayList<>();
    List<Integer> second = new ArrayList<>();
    delivery.addListener(first);
    delivery.addListener(second);

    for (int i = 0; i < 5; i++) {
      int n = i;
      delivery.post(listener -> listener.add(n));
    }
    assertThat(first).isEmpty();
    delivery.deliver();

    assertThat(first).containsExactly(0, 1, 2, 3, 4);
    assertThat(second).containsExactly(0, 1, 2, 3, 4);
    delivery.deliver();
    assertThat(first).hasSize(5);
  }

  @Test
  void aThrowingListenerDoesNotStopTheOthersAndTheFirstFailureIsRethrown() {
    OrderedDelivery<Consumer<String>> delivery = new OrderedDelivery<>();
    List<String> seen = new ArrayList<>();
    delivery.addListener(
        s -> {
          throw new IllegalStateException("refused " + s);
        });
    delivery.addListener(seen::add);
    delivery.post(listener -> listener.accept("a"));
    delivery.post(listener -> listener.accept("b"));

    assertThatThrownBy(delivery::deliver)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("refused a")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void aRemovedListenerHearsNothingMore() {
    OrderedDelivery<List<Integer>> delivery = new OrderedDelivery<>();
    List<Integer> heard = new ArrayList<>();
    delivery.addListener(heard);
    delivery.post(listener -> listener.add(1));
    delivery.deliver();
    delivery.removeListener(heard);
    delivery.post(listener -> listener.add(2));
    delivery.deliver();
    assertThat(heard).containsExactly(1);
  }

  @Test
  void eventsPostedFromManyThreadsAreEachDeliveredOnce() throws InterruptedException {
    OrderedDelivery<List<Integer>> delivery = new OrderedDelivery<>();
    List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
    delivery.addListener(heard);
    int threads = 4;
    int each = 2_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> posters = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * each;
      posters.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    awaitQuietly(start);
                    for (int i = 0; i < each; i++) {
                      int n = base + i;
                      delivery.post(listener -> listener.add(n));
                      delivery.deliver();
                    }
                  }));
    }
    start.countDown();
    for (Thread poster : posters) {
      poster.join();
    }
    delivery.deliver();

    assertThat(heard).hasSize(threads * each).doesNotHaveDuplicates();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
