package io.ledgerline.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.platforms.Platform.Part;
import io.ledgerline.platforms.connection.SecretGenerator;
import io.ledgerline.platforms.connection.SettingsRules;
import io.ledgerline.platforms.tenth.TenthPlatform;
import io.ledgerline.platforms.webhook.Fixtures;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlatformsTest {

  private static final Platforms PLATFORMS = Platforms.installed();

  /**
   * The one completeness test: every registered platform provides every part it declares (and no
   * other), whatever platforms are registered. A new platform is held to it by being registered.
   */
  @Test
  void everyRegisteredPlatformProvidesEveryPartItDeclaresAndNoOther() {
    assertThat(PLATFORMS.all()).isNotEmpty();
    for (Platform platform : PLATFORMS.all()) {
      String id = platform.id();
      assertThat(platform.displayName()).as(id).isNotBlank();
      assertThat(platform.kind()).as(id).isNotNull();
      assertThat(platform.parts()).as(id).isNotEmpty();
      for (Part part : Part.values()) {
        Function<Platform, Object> accessor = ACCESSORS.get(part);
        assertThat(accessor).as("an accessor check for " + part).isNotNull();
        if (platform.provides(part)) {
          assertThat(accessor.apply(platform)).as(id + " " + part).isNotNull();
        } else {
          assertThatThrownBy(() -> accessor.apply(platform))
              .as(id + " " + part)
              .isInstanceOf(PartNotProvided.class);
        }
      }
    }
  }

  /** Each part's accessor, exercised enough to show it is the platform's and works. */
  private static final Map<Part, Function<Platform, Object>> ACCESSORS =
      Map.of(
          Part.API,
          p -> {
            var api = p.api();
            assertThat(api.pullTypes()).as(p.id() + " pulls something").isNotEmpty();
            assertThat(api.start(api.pullTypes().get(0), java.time.Instant.EPOCH)).isNotBlank();
            return api;
          },
          Part.OAUTH2,
          p -> {
            var spec = p.oauth2();
            assertThat(spec.authorizeUrl()).startsWith("https://");
            assertThat(spec.tokenUrl()).matches("(https://|\\{).*");
            return spec;
          },
          Part.WEBHOOKS,
          p -> {
            var verifier = p.verifier(VerificationSettings.defaults());
            assertThat(verifier.platform()).isEqualTo(p.id());
            assertThat(p.webhooks().contentTypes()).isNotEmpty();
            Verdict empty =
                verifier.verify(Fixtures.request(p.id()).build(), WebhookCredentials.of("secret"));
            assertThat(empty)
                .as(p.id() + " accepts an empty request")
                .isInstanceOf(Verdict.Invalid.class);
            return verifier;
          },
          Part.NORMALIZER,
          p -> {
            var normalizer = p.normalizer();
            assertThat(normalizer.platform()).isEqualTo(p.id());
            return normalizer;
          },
          Part.CONNECTION_RULES,
          p -> {
            var rules = p.connectionRules();
            assertThat(rules.secret()).isNotNull();
            assertThat(rules.settingNames()).doesNotContain(SettingsRules.NOTIFICATION_URL);
            assertThat(rules.settingNames()).containsAll(rules.changeableSettingNames());
            return rules;
          },
          Part.ACCOUNT_API,
          p -> {
            var api = p.accountApi();
            assertThat(api.hosts()).as(p.id() + " hosts").isNotEmpty();
            assertThat(p.provides(Part.OAUTH2) || api.accountToken().isPresent())
                .as(p.id() + " connects accounts somehow")
                .isTrue();
            return api;
          });

  @Test
  void picksUpATenthPlatformRegisteredThroughTheServiceLoaderWithNothingElseChanged() {
    Platform tenth = PLATFORMS.get("acme-books");

    assertThat(tenth).isInstanceOf(TenthPlatform.class);
    assertThat(PLATFORMS.providing(Part.WEBHOOKS)).contains("acme-books");
    assertThat(
            tenth
                .verifier(VerificationSettings.defaults())
                .verify(
                    Fixtures.request("acme-books")
                        .header("X-Acme-Token", "a-token-of-16-chars")
                        .build(),
                    WebhookCredentials.of("a-token-of-16-chars")))
        .isInstanceOf(Verdict.Valid.class);
    SettingsRules.NewConnection created =
        new SettingsRules(new SecretGenerator(new SecureRandom()))
            .forNew(tenth, Map.of(), null, "https://hooks.example.com/webhooks/acme-books/1");
    assertThat(created.secret()).matches("[0-9a-f]{32}");
  }

  @Test
  void everyPlatformThatEmitsEventsHasItsSymbolInThePublishedContract() {
    for (String id : PLATFORMS.providing(Part.NORMALIZER)) {
      assertThat(io.ledgerline.events.Platform.valueOf(id.replace('-', '_').toUpperCase()))
          .as(id)
          .isNotNull();
    }
  }

  @Test
  void anUnknownPlatformIsEmptyOrAnIllegalArgument() {
    assertThat(PLATFORMS.find("stripe")).isEmpty();
    assertThat(PLATFORMS.find(null)).isEmpty();
    assertThatThrownBy(() -> PLATFORMS.get("Shopify")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesTwoPlatformsWithOneIdOrAMalformedId() {
    Platform tenth = new TenthPlatform();
    assertThatThrownBy(() -> Platforms.of(List.of(tenth, new TenthPlatform())))
        .isInstanceOf(IllegalStateException.class);
    Platform upper =
        new Platform() {
          public String id() {
            return "Acme";
          }

          public String displayName() {
            return "Acme";
          }

          public Kind kind() {
            return Kind.CRM;
          }

          public java.util.Set<Part> parts() {
            return EnumSet.noneOf(Part.class);
          }
        };
    assertThatThrownBy(() -> Platforms.of(List.of(upper)))
        .isInstanceOf(IllegalStateException.class);
  }
}
