package io.ledgerline.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** App-level webhooks name their account: what routes them to a connection. */
class AppLevelWebhooksTest {

  private static Optional<String> account(String platform, String body) {
    return Platforms.installed()
        .get(platform)
        .webhooks()
        .accountId(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheAccountEachPlatformNames() {
    assertThat(
            account(
                "hubspot",
                "[{\"eventId\":1,\"subscriptionType\":\"deal.propertyChange\",\"portalId\":62515,\"objectId\":512},"
                    + "{\"eventId\":2,\"subscriptionType\":\"deal.creation\",\"portalId\":62515,\"objectId\":513}]"))
        .contains("62515");
    assertThat(
            account("square", "{\"merchant_id\":\"MLSANDBOX7SXQ4\",\"type\":\"payment.updated\"}"))
        .contains("MLSANDBOX7SXQ4");
    assertThat(
            account(
                "clover",
                "{\"appId\":\"A1\",\"merchants\":{\"SANDBOXMRCH01\":[{\"objectId\":\"O:1\",\"type\":\"CREATE\"}]}}"))
        .contains("SANDBOXMRCH01");
  }

  @Test
  void namesNoAccountWhenTheBodyNamesNoneOrSeveral() {
    assertThat(account("hubspot", "[{\"portalId\":1},{\"portalId\":2}]")).isEmpty();
    assertThat(account("hubspot", "{\"portalId\":1}")).isEmpty();
    assertThat(account("square", "not json")).isEmpty();
    assertThat(account("clover", "{\"merchants\":{\"A\":[],\"B\":[]}}")).isEmpty();
    assertThat(Platforms.installed().get("shopify").webhooks().appLevel()).isFalse();
  }
}
