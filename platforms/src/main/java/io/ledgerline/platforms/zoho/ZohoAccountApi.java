package io.ledgerline.platforms.zoho;

import io.ledgerline.platforms.account.Account;
import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.account.Fields;
import io.ledgerline.platforms.account.Probe;
import io.ledgerline.platforms.account.RegisteredWebhooks;
import io.ledgerline.platforms.account.WebhookTarget;
import io.ledgerline.platforms.http.PlatformRequest;
import io.ledgerline.platforms.http.TokenPlacement;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zoho CRM's API on the account's data centre ({@code api_domain} from the token response, e.g.
 * {@code https://www.zohoapis.eu}), token as {@code Authorization: Zoho-oauthtoken}. The account is
 * {@code /crm/v6/org}'s org; its data centre is the callback's {@code location}. Notifications are
 * registered by API ({@code actions/watch}) with the connection's channel id and token.
 */
final class ZohoAccountApi implements AccountApi {

  /** Zoho's limit for a watch channel's life; a longer-lived one is renewed by re-registering. */
  static final Duration CHANNEL_LIFE = Duration.ofDays(7);

  ZohoAccountApi() {}

  static final List<String> DATA_CENTRES =
      List.of("com", "eu", "in", "com.au", "jp", "com.cn", "sa", "ca");

  @Override
  public List<String> hosts() {
    return DATA_CENTRES.stream()
        .flatMap(
            dc ->
                "ca".equals(dc)
                    ? java.util.stream.Stream.of("accounts.zohocloud.ca", "www.zohoapis.ca")
                    : java.util.stream.Stream.of("accounts.zoho." + dc, "www.zohoapis." + dc))
        .toList();
  }

  @Override
  public String apiUrl(Map<String, String> settings, Map<String, String> facts) {
    String domain = facts.get("api_domain");
    return domain == null ? "https://www.zohoapis.com" : strip(domain);
  }

  @Override
  public TokenPlacement tokenPlacement(boolean oauth) {
    return TokenPlacement.authorization("Zoho-oauthtoken");
  }

  @Override
  public Optional<String> accountToken() {
    return Optional.empty();
  }

  @Override
  public WebhookSecret webhookSecret(boolean oauth) {
    return WebhookSecret.GENERATED;
  }

  @Override
  public Account identify(AccountCall call) {
    JsonNode org = call.getJson("/crm/v6/org");
    String location = call.facts().get("location");
    return new Account(
        Fields.required(org, "org", "0", "id"),
        Fields.text(org, "org", "0", "company_name"),
        Map.of(),
        location == null ? Map.of() : Map.of("dataCentre", location));
  }

  @Override
  public Probe test(AccountCall call) {
    String path = "/crm/v6/Deals?fields=Deal_Name&per_page=1";
    // 204: no deals at all, which still proves the token and scope
    var response = call.send(call.request("GET", path));
    if (response.status() == 204) {
      return new Probe("GET " + path, "no deals visible yet");
    }
    JsonNode deals = response.json();
    return new Probe(
        "GET " + path,
        "deals are readable (first: " + Fields.text(deals, "data", "0", "Deal_Name") + ")");
  }

  @Override
  public Optional<RegisteredWebhooks> registerWebhooks(AccountCall call, WebhookTarget target) {
    String channel = target.settings().get(ZohoConnectionRules.CHANNEL_ID);
    Instant expiry = channelExpiry(call.clock());
    ObjectNode watch = Fields.json().createObjectNode();
    watch.put("channel_id", channel);
    watch.putArray("events").add(EVENTS);
    watch.put("channel_expiry", format(expiry));
    watch.put("notify_url", target.url());
    watch.put("token", target.secret());
    JsonNode answer =
        call.send(call.request("POST", WATCH).json(Fields.json().writeValueAsString(wrap(watch))))
            .json();
    return Optional.of(new RegisteredWebhooks(List.of(channel), null, granted(answer, expiry)));
  }

  /**
   * Extends the channel by another {@link #CHANNEL_LIFE} with "update specific information of a
   * notification" (PATCH: what is not given stays); where Zoho no longer knows the channel (it
   * expired meanwhile), it is enabled again as on connecting.
   */
  @Override
  public RegisteredWebhooks renewWebhooks(
      AccountCall call, WebhookTarget target, List<String> ids) {
    Instant expiry = channelExpiry(call.clock());
    ObjectNode body = Fields.json().createObjectNode();
    ArrayNode watches = body.putArray("watch");
    for (String channel : ids) {
      ObjectNode watch = watches.addObject();
      watch.put("channel_id", channel);
      watch.putArray("events").add(EVENTS);
      watch.put("channel_expiry", format(expiry));
    }
    try {
      JsonNode answer =
          call.send(call.request("PATCH", WATCH).json(Fields.json().writeValueAsString(body)))
              .json();
      return new RegisteredWebhooks(ids, null, granted(answer, expiry));
    } catch (io.ledgerline.platforms.http.PlatformCallFailed failed) {
      if (failed.kind() != io.ledgerline.platforms.http.PlatformCallFailed.Kind.REJECTED) {
        throw failed;
      }
      return registerWebhooks(call, target).orElseThrow();
    }
  }

  private static final String WATCH = "/crm/v6/actions/watch";
  private static final String EVENTS = "Deals.all";

  /** An hour short of Zoho's limit, so clocks that differ a little do not make it refuse. */
  private static Instant channelExpiry(Clock clock) {
    return clock.instant().plus(CHANNEL_LIFE).minus(1, ChronoUnit.HOURS);
  }

  /** As Zoho's examples write it: {@code 2026-12-09T09:00:00+00:00} (seconds, numeric offset). */
  private static final DateTimeFormatter EXPIRY_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private static String format(Instant at) {
    return EXPIRY_FORMAT.format(
        at.truncatedTo(ChronoUnit.SECONDS).atOffset(java.time.ZoneOffset.UTC));
  }

  private static ObjectNode wrap(ObjectNode watch) {
    ObjectNode body = Fields.json().createObjectNode();
    body.putArray("watch").add(watch);
    return body;
  }

  /** The expiry Zoho granted ({@code details.events[0].channel_expiry}) where it says one. */
  private static Instant granted(JsonNode answer, Instant asked) {
    String said = Fields.text(answer, "watch", "0", "details", "events", "0", "channel_expiry");
    if (said == null) {
      return asked;
    }
    try {
      Instant granted = java.time.OffsetDateTime.parse(said).toInstant();
      return granted.isBefore(asked) ? granted : asked;
    } catch (java.time.format.DateTimeParseException unreadable) {
      return asked;
    }
  }

  @Override
  public void removeWebhooks(AccountCall call, List<String> ids) {
    call.send(
        call.request(
            "DELETE",
            "/crm/v6/actions/watch?channel_ids="
                + URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8)));
  }

  @Override
  public boolean revoke(AccountCall call) {
    String server = call.facts().get("accounts-server");
    if (call.refreshToken() == null || server == null) {
      return false;
    }
    URI revoke =
        URI.create(
            (call.app() != null && call.app().tokenUrl() != null
                    ? call.app().tokenUrl()
                    : strip(server) + "/oauth/v2/token")
                + "/revoke?token="
                + URLEncoder.encode(call.refreshToken(), StandardCharsets.UTF_8));
    call.http()
        .send(PlatformRequest.post(revoke).budget(call.budgetKey()).build())
        .requireSuccess();
    return true;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
