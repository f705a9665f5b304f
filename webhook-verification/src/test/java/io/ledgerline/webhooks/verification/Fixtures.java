package io.ledgerline.webhooks.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixture bodies (src/test/resources/fixtures) and a request builder for tests. */
final class Fixtures {

  /** 2025-11-23T12:13:20Z: the receipt time of every fixture request, in epoch seconds. */
  static final long NOW_SECONDS = 1763900000L;

  static final Instant NOW = Instant.ofEpochSecond(NOW_SECONDS);

  private Fixtures() {}

  static byte[] fixture(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A copy with one bit of one byte in the middle flipped. */
  static byte[] flipOneByte(byte[] body) {
    byte[] copy = body.clone();
    copy[copy.length / 2] ^= 0x01;
    return copy;
  }

  static RequestBuilder request(String platform) {
    return new RequestBuilder(platform);
  }

  static final class RequestBuilder {
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

    RequestBuilder method(String method) {
      this.method = method;
      return this;
    }

    RequestBuilder url(String url) {
      this.url = url;
      return this;
    }

    RequestBuilder header(String name, String value) {
      headers.put(name, List.of(value));
      return this;
    }

    RequestBuilder withoutHeader(String name) {
      headers.remove(name);
      return this;
    }

    RequestBuilder body(byte[] body) {
      this.body = body;
      return this;
    }

    RequestBuilder body(String body) {
      return body(utf8(body));
    }

    RequestBuilder at(Instant at) {
      this.at = at;
      return this;
    }

    RequestBuilder remoteAddress(String remoteAddress) {
      this.remoteAddress = remoteAddress;
      return this;
    }

    RequestBuilder copy() {
      RequestBuilder copy = new RequestBuilder(platform);
      copy.method = method;
      copy.url = url;
      copy.headers.putAll(headers);
      copy.body = body;
      copy.at = at;
      copy.remoteAddress = remoteAddress;
      return copy;
    }

    WebhookRequest build() {
      return new WebhookRequest(
          platform, method, url, WebhookHeaders.of(headers), body, at, remoteAddress);
    }
  }
}
