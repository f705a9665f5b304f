package io.ledgerline.platforms.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A connection's webhook secrets and the scheme's settings: one type for every platform.
 *
 * <p>{@code secrets} hold the scheme's main secret, several during a rotation overlap (each with
 * its own expiry); its meaning per platform:
 *
 * <table>
 *   <tr><th>platform</th><th>secret value</th><th>other settings used</th></tr>
 *   <tr><td>hubspot</td><td>the app's client secret</td><td></td></tr>
 *   <tr><td>salesforce</td><td>the per-connection URL token</td><td>accountId (the organization id), allowedSourceIps</td></tr>
 *   <tr><td>pipedrive</td><td>the HTTP Basic password</td><td>username</td></tr>
 *   <tr><td>zoho</td><td>the notification token</td><td>channelId</td></tr>
 *   <tr><td>square</td><td>the subscription's signature key</td><td>notificationUrl</td></tr>
 *   <tr><td>shopify</td><td>the app's client secret</td><td></td></tr>
 *   <tr><td>lightspeed</td><td>the per-connection URL token</td><td></td></tr>
 *   <tr><td>clover</td><td>the app's auth code (X-Clover-Auth)</td><td></td></tr>
 *   <tr><td>standard-webhooks</td><td>the {@code whsec_...} secret</td><td></td></tr>
 * </table>
 *
 * @param secrets the main secret(s), any order; none means "not configured"
 * @param username Pipedrive: the HTTP Basic user name ({@code null}: only the password is checked)
 * @param channelId Zoho: the channel id set at registration ({@code null}: not checked)
 * @param notificationUrl Square: the notification URL the subscription signs ({@code null}: the
 *     request's url)
 * @param allowedSourceIps Salesforce: IP addresses or CIDR blocks the messages may come from
 *     (empty: any)
 * @param accountId Salesforce: the organization id the messages must name (public, not a secret;
 *     {@code null}: not checked)
 */
public record WebhookCredentials(
    List<Secret> secrets,
    String username,
    String channelId,
    String notificationUrl,
    List<String> allowedSourceIps,
    String accountId) {

  public WebhookCredentials {
    secrets = List.copyOf(secrets == null ? List.of() : secrets);
    allowedSourceIps = List.copyOf(allowedSourceIps == null ? List.of() : allowedSourceIps);
  }

  /** One secret that never expires, no other settings. */
  public static WebhookCredentials of(String secret) {
    return builder().secret(secret).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The secret values usable at {@code at}: not yet expired. */
  public List<String> usableAt(Instant at) {
    List<String> usable = new ArrayList<>();
    for (Secret s : secrets) {
      if (s.isValidAt(at)) {
        usable.add(s.value());
      }
    }
    return usable;
  }

  /** No secret values: they are credentials. */
  @Override
  public String toString() {
    return "WebhookCredentials[" + secrets.size() + " secret(s)]";
  }

  /**
   * One secret value.
   *
   * @param value the secret
   * @param validUntil when it stops verifying (exclusive), or {@code null} for never: set it on the
   *     old secret when rotating so both verify during the overlap
   */
  public record Secret(String value, Instant validUntil) {
    public Secret {
      Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
      return new Secret(value, null);
    }

    public boolean isValidAt(Instant at) {
      return validUntil == null || at.isBefore(validUntil);
    }

    @Override
    public String toString() {
      return "Secret[validUntil=" + validUntil + "]";
    }
  }

  public static final class Builder {
    private final List<Secret> secrets = new ArrayList<>();
    private String username;
    private String channelId;
    private String notificationUrl;
    private final List<String> allowedSourceIps = new ArrayList<>();
    private String accountId;

    private Builder() {}

    public Builder secret(String value) {
      secrets.add(Secret.of(value));
      return this;
    }

    public Builder secret(String value, Instant validUntil) {
      secrets.add(new Secret(value, validUntil));
      return this;
    }

    /** Adds each secret that has a value. */
    public Builder secrets(List<Secret> more) {
      for (Secret s : more) {
        if (!s.value().isEmpty()) {
          secrets.add(s);
        }
      }
      return this;
    }

    public Builder username(String username) {
      this.username = username;
      return this;
    }

    public Builder channelId(String channelId) {
      this.channelId = channelId;
      return this;
    }

    public Builder notificationUrl(String notificationUrl) {
      this.notificationUrl = notificationUrl;
      return this;
    }

    public Builder allowedSourceIp(String ipOrCidr) {
      allowedSourceIps.add(ipOrCidr);
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    public WebhookCredentials build() {
      return new WebhookCredentials(
          secrets, username, channelId, notificationUrl, allowedSourceIps, accountId);
    }
  }
}
