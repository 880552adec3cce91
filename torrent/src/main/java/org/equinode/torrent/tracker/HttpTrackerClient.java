package org.equinode.torrent.tracker;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.equinode.torrent.metainfo.InfoHash;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP tracker (BEP 3, 23, 48). Each call sends one GET and follows at most {@link
 * #MAX_REDIRECTS} redirects by itself; the whole exchange, body included, must end within the
 * timeout. A body larger than {@link #MAX_RESPONSE_BYTES} is refused before it is read (by its
 * {@code Content-Length}) or as soon as it passes the limit. Thread-safe.
 */
public final class HttpTrackerClient implements TrackerClient {
  /** The largest response body read from a tracker. */
  public static final int MAX_RESPONSE_BYTES = 1024 * 1024;

  /** The most redirects followed for one request. */
  public static final int MAX_REDIRECTS = 5;

  /** The time allowed for one exchange when nothing else is said. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final int OK = 200;

  private final TrackerUrl url;
  private final HttpClient http;
  private final Duration timeout;
  private final boolean ownsHttp;

  private HttpTrackerClient(TrackerUrl url, HttpClient http, Duration timeout, boolean ownsHttp) {
    if (url.kind() != TrackerUrl.Kind.HTTP) {
      throw new IllegalArgumentException("not an HTTP tracker: " + url);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout " + timeout + " is not positive");
    }
    this.url = url;
    this.http = http;
    this.timeout = timeout;
    this.ownsHttp = ownsHttp;
  }

  /**
   * A client that shares {@code http} (made by {@link #newHttpClient}) with others; closing this
   * client leaves {@code http} open.
   */
  public static HttpTrackerClient sharing(TrackerUrl url, HttpClient http, Duration timeout) {
    return new HttpTrackerClient(url, http, timeout, false);
  }

  /** A client with an HTTP client of its own, closed with it. */
  public static HttpTrackerClient open(TrackerUrl url, Duration timeout) {
    return new HttpTrackerClient(url, newHttpClient(timeout), timeout, true);
  }

  /**
   * An HTTP client fit for trackers: HTTP/1.1, redirects left to the tracker client, virtual
   * threads for its work, {@code connectTimeout} to open a connection.
   */
  public static HttpClient newHttpClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
  }

  @Override
  public TrackerUrl url() {
    return url;
  }

  @Override
  public AnnounceResponse announce(AnnounceRequest request) {
    byte[] body = fetch(TrackerQuery.announce(url, request));
    try {
      return HttpTrackerCodec.decodeAnnounce(body);
    } catch (TrackerFailureException e) {
      throw new TrackerFailureException(url, e.reason());
    } catch (MalformedTrackerResponseException e) {
      throw new MalformedTrackerResponseException(url + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ScrapeResponse scrape(List<InfoHash> infoHashes) {
    if (infoHashes.isEmpty() || infoHashes.size() > MAX_SCRAPE_HASHES) {
      throw new IllegalArgumentException(
          "scrape of " + infoHashes.size() + " torrents, not 1.." + MAX_SCRAPE_HASHES);
    }
    URI scrapeUri =
        url.scrapeUri()
            .orElseThrow(
                () ->
                    new InvalidTrackerUrlException(
                        url + " has no scrape URL: its last path segment is not 'announce...'"));
    byte[] body = fetch(TrackerQuery.scrape(scrapeUri, infoHashes));
    try {
      return HttpTrackerCodec.decodeScrape(body);
    } catch (TrackerFailureException e) {
      throw new TrackerFailureException(url, e.reason());
    } catch (MalformedTrackerResponseException e) {
      throw new MalformedTrackerResponseException(url + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (ownsHttp) {
      http.shutdownNow();
    }
  }

  /** The body of a 200 answer to a GET of {@code uri}, following redirects. */
  private byte[] fetch(URI uri) {
    URI current = uri;
    for (int redirects = 0; ; redirects++) {
      HttpResponse<byte[]> response = send(current);
      int status = response.statusCode();
      if (status == OK) {
        return response.body();
      }
      if (!REDIRECTS.contains(status)) {
        throw new TrackerUnreachableException(url + " answered with HTTP status " + status);
      }
      if (redirects == MAX_REDIRECTS) {
        throw new TrackerUnreachableException(
            url + " redirected more than " + MAX_REDIRECTS + " times");
      }
      String location =
          response
              .headers()
              .firstValue("location")
              .orElseThrow(
                  () ->
                      new TrackerUnreachableException(
                          url + " answered HTTP status " + status + " without a Location"));
      current = redirectTarget(current, location);
    }
  }

  private URI redirectTarget(URI from, String location) {
    URI target;
    try {
      target = from.resolve(new URI(location));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new TrackerUnreachableException(
          url + " redirected to a bad URL '" + TrackerText.of(location) + "'", e);
    }
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null) {
      throw new TrackerUnreachableException(
          url + " redirected to '" + TrackerText.of(location) + "', which is not an HTTP URL");
    }
    return target;
  }

  private HttpResponse<byte[]> send(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    CompletableFuture<HttpResponse<byte[]>> future =
        http.sendAsync(request, LimitedBody.handler(MAX_RESPONSE_BYTES));
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new TrackerUnreachableException(url + " did not answer within " + timeout, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new TrackerUnreachableException("interrupted while waiting for " + url, e);
    } catch (ExecutionException e) {
      throw failure(e.getCause() == null ? e : e.getCause());
    }
  }

  /** The tracker exception for an exchange that ended with {@code cause}. */
  private TrackerException failure(Throwable cause) {
    for (@Nullable Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof LimitedBody.TooLargeException tooLarge) {
        return new MalformedTrackerResponseException(
            url + " sent too much: " + tooLarge.getMessage(), tooLarge);
      }
      if (t instanceof HttpTimeoutException) {
        return new TrackerUnreachableException(url + " did not answer within " + timeout, t);
      }
    }
    String detail = cause.getMessage();
    return new TrackerUnreachableException(
        url
            + " could not be reached: "
            + cause.getClass().getSimpleName()
            + (detail == null ? "" : " " + detail),
        cause);
  }
}
