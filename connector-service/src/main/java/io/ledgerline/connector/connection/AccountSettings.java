package io.ledgerline.connector.connection;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connecting accounts ({@code ledgerline.connector.accounts.*}): the deployment's OAuth app per
 * platform and the timings of the flow. The config repository fills {@code platforms.<id>} from
 * {@code LEDGERLINE_<PLATFORM>_CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _SCOPES}, {@code
 * _AUTHORIZE_URL}, {@code _TOKEN_URL}, {@code _API_URL} (and {@code _WEBHOOK_SECRET} for Square's
 * signature key and Clover's auth code); a blank value means "not set".
 *
 * @param stateLifetime how long an authorization URL's state stays usable
 * @param refreshAhead tokens expiring sooner than this are refreshed before use, and by the job
 * @param refreshInterval how often the refresh job looks for such tokens (and re-wraps secrets)
 * @param jobsEnabled whether this replica runs the refresh and re-wrap jobs
 * @param webhookRenewAhead registered webhooks expiring sooner than this are renewed by the job
 */
@ConfigurationProperties("ledgerline.connector.accounts")
record AccountSettings(
    @DefaultValue("10m") Duration stateLifetime,
    @DefaultValue("5m") Duration refreshAhead,
    @DefaultValue("60s") Duration refreshInterval,
    @DefaultValue("true") boolean jobsEnabled,
    @DefaultValue("20s") Duration callTimeout,
    Map<String, App> platforms,
    @DefaultValue("1d") Duration webhookRenewAhead) {

  AccountSettings {
    platforms = platforms == null ? Map.of() : Map.copyOf(platforms);
  }

  /**
   * One platform's app; every field may be blank.
   *
   * @param scopes space or comma separated; blank: the platform's default read scopes
   */
  record App(
      String clientId,
      String clientSecret,
      String scopes,
      String authorizeUrl,
      String tokenUrl,
      String apiUrl,
      String webhookSecret) {

    @Override
    public String toString() {
      return "App[clientId=" + clientId + ", clientSecret=***, webhookSecret=***]";
    }
  }
}
