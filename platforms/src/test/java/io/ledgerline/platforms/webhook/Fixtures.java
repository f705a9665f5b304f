package io.ledgerline.platforms.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixture bodies (src/test/resources/fixtures) and a request builder for tests. */
public final class Fixtures {

  /** 2025-11-23T12:13:20Z: the receipt time of every fixture request, in epoch seconds. */
  public static final long NOW_SECONDS = 1763900000L;

  public static final Instant NOW = Instant.ofEpochSecond(NOW_SECONDS);

  private Fixtures() {}

  /**
   * A fixture body, kept beside the tests of the platform it belongs to: {@code
   * io/ledgerline/platforms/<platform package>/<name>}, the package named by the name's prefix.
   */
  public static byte[] fixture(String name) {
    String platform =
        name.startsWith("standard-webhooks") ? "standardwebhooks" : name.split("-")[0];
    String path = "/io/ledgerline/platforms/" + platform + "/" + name;
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A copy with one bit of one byte in the middle flipped. */
  public static byte[] flipOneByte(byte[] body) {
    byte[] copy = body.clone();
    copy[copy.length / 2] ^= 0x01;
    return copy;
  }

  public static RequestBuilder request(String platform) {
    return new RequestBuilder(platform);
  }

  public static final class RequestBuilder {
    private final String platform;
    private String method = "POST";
    private String url = "";
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private Instant at = NOW;
    private String remoteAddress;

    private RequestBuilder(String platform) {
      this.platform = platform;
    }

    public RequestBuilder method(String method) {
      this.method = method;
      return this;
    }

    public RequestBuilder url(String url) {
      this.url = url;
      return this;
    }

    public RequestBuilder header(String name, String value) {
      headers.put(name, List.of(value));
      return this;
    }

    public RequestBuilder withoutHeader(String name) {
      headers.remove(name);
      return this;
    }

    public RequestBuilder body(byte[] body) {
      this.body = body;
      return this;
    }

    public RequestBuilder body(String body) {
      return body(utf8(body));
    }

    public RequestBuilder at(Instant at) {
      this.at = at;
      return this;
    }

    public RequestBuilder remoteAddress(String remoteAddress) {
      this.remoteAddress = remoteAddress;
      return this;
    }

    public RequestBuilder copy() {
      RequestBuilder copy = new RequestBuilder(platform);
      copy.method = method;
      copy.url = url;
      copy.headers.putAll(headers);
      copy.body = body;
      copy.at = at;
      copy.remoteAddress = remoteAddress;
      return copy;
    }

    public WebhookRequest build() {
      return new WebhookRequest(
          platform, method, url, WebhookHeaders.of(headers), body, at, remoteAddress);
    }
  }
}
