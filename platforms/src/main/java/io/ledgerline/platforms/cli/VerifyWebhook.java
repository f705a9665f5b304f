package io.ledgerline.platforms.cli;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookHeaders;
import io.ledgerline.platforms.webhook.WebhookRequest;
import io.ledgerline.platforms.webhook.WebhookScheme;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code verify-webhook}: answers "why was my webhook rejected?" with exactly the code
 * webhook-ingest runs. Prints {@code VALID} (exit 0), {@code INVALID: <REASON>} (exit 1), {@code
 * VERIFICATION: <code>} for Clover's verification POST (exit 0), or a usage message (exit 2).
 */
public final class VerifyWebhook {

  static final String USAGE =
      """
      usage: verify-webhook --platform P --secret S [--url U] [--method M]
                            [--header 'Name: value']... --body-file F [--at EPOCH_MILLIS]
        platforms: %s
        --secret   the scheme's main secret: pipedrive user:password, zoho channelId:token,
                   salesforce the organization id, lightspeed the URL token (the presented token
                   is the --url's token query parameter), clover the auth code,
                   standard-webhooks the whsec_ secret, others the signing secret or key
        --url      the URL the platform was told (HubSpot and Square sign it)
        --method   default POST
        --at       judge timestamp tolerance and secret expiry as of this instant (default now)
      """
          .formatted(String.join(", ", Platforms.installed().providing(Platform.Part.WEBHOOKS)));

  private VerifyWebhook() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Clock.systemUTC()));
  }

  /** The whole command, testable: returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageError e) {
      err.println("verify-webhook: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    byte[] body;
    try {
      body = Files.readAllBytes(Path.of(options.bodyFile));
    } catch (IOException | RuntimeException e) {
      err.println("verify-webhook: cannot read --body-file " + options.bodyFile);
      err.print(USAGE);
      return 2;
    }
    Instant at = options.at != null ? options.at : clock.instant();
    WebhookRequest request =
        new WebhookRequest(
            options.platform,
            options.method,
            options.url,
            WebhookHeaders.of(options.headers),
            body,
            at);
    WebhookScheme scheme = Platforms.installed().get(options.platform).webhooks();
    Verdict verdict =
        scheme
            .verifier(VerificationSettings.defaults())
            .verify(request, scheme.credentialsOf(options.secret));
    if (verdict instanceof Verdict.Valid) {
      out.println("VALID");
      return 0;
    }
    if (verdict instanceof Verdict.Verification v) {
      out.println("VERIFICATION: " + v.code());
      return 0;
    }
    out.println("INVALID: " + ((Verdict.Invalid) verdict).reason());
    return 1;
  }

  private static final class UsageError extends Exception {
    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Options {
    String platform;
    String secret;
    String url = "";
    String method = "POST";
    String bodyFile;
    Instant at;
    final Map<String, List<String>> headers = new java.util.LinkedHashMap<>();

    static Options parse(String[] args) throws UsageError {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        String value;
        int eq = name.indexOf('=');
        if (name.startsWith("--") && eq > 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        } else {
          if (i + 1 >= args.length) {
            throw new UsageError(
                name.startsWith("--") ? name + " needs a value" : "unexpected " + name);
          }
          value = args[++i];
        }
        switch (name) {
          case "--platform" -> o.platform = value;
          case "--secret" -> o.secret = value;
          case "--url" -> o.url = value;
          case "--method" -> o.method = value;
          case "--body-file" -> o.bodyFile = value;
          case "--at" -> {
            try {
              o.at = Instant.ofEpochMilli(Long.parseLong(value.trim()));
            } catch (RuntimeException e) {
              throw new UsageError("--at must be epoch milliseconds");
            }
          }
          case "--header" -> {
            int colon = value.indexOf(':');
            if (colon <= 0) {
              throw new UsageError("--header must be 'Name: value'");
            }
            o.headers
                .computeIfAbsent(value.substring(0, colon).trim(), k -> new ArrayList<>())
                .add(value.substring(colon + 1).trim());
          }
          default -> throw new UsageError("unknown option " + name);
        }
      }
      if (o.platform == null) {
        throw new UsageError("--platform is required");
      }
      if (!Platforms.installed()
          .find(o.platform)
          .map(p -> p.provides(Platform.Part.WEBHOOKS))
          .orElse(false)) {
        throw new UsageError("unknown platform " + o.platform);
      }
      if (o.secret == null) {
        throw new UsageError("--secret is required");
      }
      if (o.bodyFile == null) {
        throw new UsageError("--body-file is required");
      }
      return o;
    }
  }
}
