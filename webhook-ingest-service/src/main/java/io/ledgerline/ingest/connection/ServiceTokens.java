package io.ledgerline.ingest.connection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ledgerline.ingest.IngestSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Client-credentials tokens from apikey-service for calls to other services. One token is reused
 * for a while (less than its life) so a burst of webhooks does not mean a burst of token requests.
 */
@Component
class ServiceTokens {

  private static final String KEY = "internal";

  private final RestClient http;
  private final IngestSettings settings;
  private final Cache<String, String> tokens;

  ServiceTokens(RestClient.Builder builder, IngestSettings settings) {
    this.http = builder.build();
    this.settings = settings;
    this.tokens = Caffeine.newBuilder().expireAfterWrite(settings.tokenCacheTtl()).build();
  }

  record TokenResponse(String access_token, String token_type, Long expires_in) {
    @Override
    public String toString() {
      return "TokenResponse[token_type=" + token_type + ", expires_in=" + expires_in + "]";
    }
  }

  String token() {
    return tokens.get(KEY, k -> fetch());
  }

  /** After a 401 from a peer: the cached token may have been revoked or the keys rotated. */
  void forget() {
    tokens.invalidate(KEY);
  }

  private String fetch() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("scope", "internal");
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (settings.clientId() + ":" + settings.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
    try {
      TokenResponse response =
          http.post()
              .uri(settings.tokenUrl())
              .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .body(form)
              .retrieve()
              .body(TokenResponse.class);
      if (response == null || response.access_token() == null) {
        throw new ConnectorUnavailable("token endpoint answered without a token", null);
      }
      return response.access_token();
    } catch (RestClientException e) {
      throw new ConnectorUnavailable("could not get a service token", e);
    }
  }
}
