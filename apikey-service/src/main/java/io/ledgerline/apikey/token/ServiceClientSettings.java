package io.ledgerline.apikey.token;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The platform's own OAuth2 clients of {@code POST /oauth2/token} ({@code
 * ledgerline.apikey.clients[n]}): operators and services. Secrets come from the environment (a
 * Kubernetes secret in production) and are hashed at start-up.
 */
@Validated
@ConfigurationProperties("ledgerline.apikey")
public record ServiceClientSettings(@DefaultValue List<@Valid Client> clients) {

  public record Client(
      @NotBlank String id,
      @NotBlank @Size(min = 16, message = "client secrets need at least 16 characters")
          String secret,
      @NotEmpty List<String> scopes) {

    @Override
    public String toString() {
      return "Client[id=" + id + ", scopes=" + scopes + "]";
    }
  }
}
