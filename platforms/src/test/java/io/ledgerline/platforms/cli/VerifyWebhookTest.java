package io.ledgerline.platforms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platforms.webhook.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify-webhook command on the platforms' published examples and their tampered twins. */
class VerifyWebhookTest {

  @TempDir Path dir;

  /** Far from every example's timestamp, so only --at makes timestamped examples fresh. */
  private final Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  private record Outcome(int exitCode, String out, String err) {}

  private Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VerifyWebhook.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            clock);
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  private String fixture(String name) throws IOException {
    return Files.write(dir.resolve(name), Fixtures.fixture(name)).toString();
  }

  @Test
  void shopifysPublishedExampleIsValidAndItsTamperedTwinIsNot() throws IOException {
    String[] args = {
      "--platform", "shopify",
      "--secret", "test_secret_key",
      "--header", "X-Shopify-Hmac-Sha256: B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=",
      "--body-file", file("shopify.json", "{\"foo\": \"bar\"}")
    };
    assertThat(run(args)).isEqualTo(new Outcome(0, "VALID\n", ""));

    args[args.length - 1] = file("shopify-tampered.json", "{\"foo\": \"baz\"}");
    assertThat(run(args)).isEqualTo(new Outcome(1, "INVALID: BAD_SIGNATURE\n", ""));
  }

  @Test
  void standardWebhooksPublishedVectorIsValidAtItsTimeAndStaleNow() throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--platform", "standard-webhooks",
                "--secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "--header", "webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek",
                "--header", "webhook-timestamp: 1614265330",
                "--header", "webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                "--body-file", file("std.json", "{\"test\": 2432232314}")));

    assertThat(run(args.toArray(String[]::new)).out()).isEqualTo("INVALID: STALE_TIMESTAMP\n");
    args.addAll(List.of("--at", "1614265330000"));
    assertThat(run(args.toArray(String[]::new))).isEqualTo(new Outcome(0, "VALID\n", ""));
    args.set(5, "webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJel");
    assertThat(run(args.toArray(String[]::new)))
        .isEqualTo(new Outcome(1, "INVALID: BAD_SIGNATURE\n", ""));
  }

  @Test
  void squaresPublishedExampleIsValidOnlyForItsNotificationUrl() throws IOException {
    String body =
        "{\"merchant_id\":\"MLEFBHHSJGVHD\",\"type\":\"webhooks.test_notification\",\"event_id\":"
            + "\"ac3ac95b-f97d-458c-a6e6-18981597e05f\",\"created_at\":\"2022-07-13T20:30:59.037339943Z\","
            + "\"data\":{\"type\":\"webhooks\",\"id\":\"bc368e64-01aa-407e-b46e-3231809b1129\"}}";
    String[] args = {
      "--platform", "square",
      "--secret", "Ibxx_5AKakO-3qeNVR61Dw",
      "--url", "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9",
      "--header", "x-square-hmacsha256-signature: GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=",
      "--body-file", file("square.json", body)
    };
    assertThat(run(args).out()).isEqualTo("VALID\n");

    args[5] = "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b0";
    assertThat(run(args)).isEqualTo(new Outcome(1, "INVALID: BAD_SIGNATURE\n", ""));
  }

  @Test
  void hubSpotsPublishedV3ExampleIsValidAtItsTime() throws IOException {
    String[] args = {
      "--platform", "hubspot",
      "--secret", "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy",
      "--url", "https://www.example.com/webhook_uri",
      "--method", "POST",
      "--header", "X-HubSpot-Signature-V3: HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=",
      "--header", "X-HubSpot-Request-Timestamp: 15000000",
      "--body-file", file("hubspot.txt", "{'example_field':'example_value'}"),
      "--at", "15060000"
    };
    assertThat(run(args).out()).isEqualTo("VALID\n");

    args[7] = "PUT";
    assertThat(run(args).out()).isEqualTo("INVALID: BAD_SIGNATURE\n");
  }

  @Test
  void credentialSchemesTakeTheirCompoundSecrets() throws IOException {
    assertThat(
            run(
                    "--platform", "pipedrive",
                    "--secret", "ledgerline:pd-password-A",
                    "--header", "Authorization: Basic bGVkZ2VybGluZTpwZC1wYXNzd29yZC1B",
                    "--body-file", fixture("pipedrive-deal-won.json"))
                .out())
        .isEqualTo("VALID\n");
    assertThat(
            run(
                    "--platform", "zoho",
                    "--secret", "1000000068001:zoho-token-1",
                    "--body-file", fixture("zoho-deal-update.json"))
                .out())
        .isEqualTo("VALID\n");
    assertThat(
            run(
                    "--platform", "zoho",
                    "--secret", "1000000068002:zoho-token-1",
                    "--body-file", fixture("zoho-deal-update.json"))
                .out())
        .isEqualTo("INVALID: BAD_CREDENTIAL\n");
    assertThat(
            run(
                    "--platform", "lightspeed",
                    "--secret", "ls-3f9c2a7e",
                    "--url",
                        "https://hooks.ledgerline.test/webhooks/lightspeed/c7?token=ls-3f9c2a7e",
                    "--body-file", fixture("lightspeed-sale-update.form"))
                .out())
        .isEqualTo("VALID\n");
    assertThat(
            run(
                    "--platform", "salesforce",
                    "--secret", "sf-url-token-1",
                    "--url",
                        "https://hooks.ledgerline.test/webhooks/salesforce/c8?token=sf-url-token-1",
                    "--body-file", fixture("salesforce-opportunity-notification.xml"))
                .out())
        .isEqualTo("VALID\n");
    assertThat(
            run(
                    "--platform", "clover",
                    "--secret", "clover-auth-code-1",
                    "--header", "X-Clover-Auth: clover-auth-code-2",
                    "--body-file", fixture("clover-order-created.json"))
                .out())
        .isEqualTo("INVALID: BAD_CREDENTIAL\n");
  }

  @Test
  void reportsCloversVerificationPostWithItsCode() throws IOException {
    assertThat(
            run(
                "--platform", "clover",
                "--secret", "not-yet-known",
                "--body-file",
                    file(
                        "clover.json",
                        "{\"verificationCode\":\"ce7643c1-83ea-4218-abe6-da876c9c7a0a\"}")))
        .isEqualTo(new Outcome(0, "VERIFICATION: ce7643c1-83ea-4218-abe6-da876c9c7a0a\n", ""));
  }

  @Test
  void usageErrorsExitWith2AndPrintTheUsage() throws IOException {
    String body = file("b.json", "{}");
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--platform", "stripe", "--secret", "s", "--body-file", body},
            new String[] {"--platform", "shopify", "--body-file", body},
            new String[] {"--platform", "shopify", "--secret", "s"},
            new String[] {"--platform", "shopify", "--secret", "s", "--body-file", body + ".none"},
            new String[] {
              "--platform", "shopify", "--secret", "s", "--body-file", body, "--at", "x"
            },
            new String[] {
              "--platform", "shopify", "--secret", "s", "--body-file", body, "--header", "novalue"
            },
            new String[] {"--platform", "shopify", "--secret"})) {
      Outcome outcome = run(args);
      assertThat(outcome.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(outcome.out()).isEmpty();
      assertThat(outcome.err()).contains("usage: verify-webhook");
    }
  }

  @Test
  void theMainClassExitsWithTheVerdictsCodeInASmallJvm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classes =
        Path.of(VerifyWebhook.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    String body = file("shopify.json", "{\"foo\": \"bar\"}");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx64m",
                "-cp",
                classes,
                VerifyWebhook.class.getName(),
                "--platform",
                "shopify",
                "--secret",
                "test_secret_key",
                "--header",
                "X-Shopify-Hmac-Sha256: B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=",
                "--body-file",
                body));

    assertThat(exec(command)).isEqualTo(new Outcome(0, "VALID\n", ""));
    command.set(
        command.size() - 3, "X-Shopify-Hmac-Sha256: B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7h=");
    assertThat(exec(command)).isEqualTo(new Outcome(1, "INVALID: BAD_SIGNATURE\n", ""));
    assertThat(exec(command.subList(0, 6)).exitCode()).isEqualTo(2);
  }

  private static Outcome exec(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Outcome(process.exitValue(), out, err.contains("usage") ? "usage" : err);
  }
}
