package org.equinode.torrent.tracker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects an HTTP response body of at most {@code max} bytes. A {@code Content-Length} above the
 * limit is refused before any of the body is read; a body without one (chunked) is refused as soon
 * as the bytes received would pass the limit, and the rest is not read.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final int max;
  private final String refusal;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Flow.@Nullable Subscription subscription;

  private LimitedBody(int max, String refusal) {
    this.max = max;
    this.refusal = refusal;
  }

  /** A handler that gives each response a body of at most {@code max} bytes. */
  static HttpResponse.BodyHandler<byte[]> handler(int max) {
    return info -> {
      OptionalLong length;
      try {
        length = info.headers().firstValueAsLong("content-length");
      } catch (NumberFormatException e) {
        return new LimitedBody(max, "a Content-Length that is not a number");
      }
      if (length.isPresent() && length.getAsLong() > max) {
        return new LimitedBody(
            max, "Content-Length " + length.getAsLong() + " is larger than " + max + " bytes");
      }
      return new LimitedBody(max, "");
    };
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (refusal.isEmpty()) {
      s.request(Long.MAX_VALUE);
    } else {
      fail(refusal);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    long size = out.size();
    for (ByteBuffer item : items) {
      size += item.remaining();
    }
    if (size > max) {
      fail("body is larger than " + max + " bytes");
      return;
    }
    for (ByteBuffer item : items) {
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      out.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }

  private void fail(String why) {
    result.completeExceptionally(new TooLargeException(why));
    if (subscription != null) {
      subscription.cancel();
    }
  }

  /** The body was refused for its size; the message says why. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }
}
