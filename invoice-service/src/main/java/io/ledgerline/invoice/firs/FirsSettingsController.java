package io.ledgerline.invoice.firs;

import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.tenant.TenantId;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET}/{@code PUT /api/v1/settings/firs}: a tenant's FIRS e-invoicing settings. The API key,
 * secret and crypto_keys file are written, never read back: {@code GET} says only whether they are
 * set. A {@code PUT} without them keeps the stored ones.
 */
@RestController
@RequestMapping("/api/v1/settings/firs")
class FirsSettingsController {

  private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9]{1,16}");

  private final FirsAccounts accounts;

  FirsSettingsController(FirsAccounts accounts) {
    this.accounts = accounts;
  }

  /** What the tenant sends; the secrets are optional on an update. */
  record Body(
      Boolean enabled,
      String environment,
      String baseUrl,
      String businessId,
      String serviceId,
      String apiKey,
      String apiSecret,
      String cryptoKeys) {

    @Override
    public String toString() {
      return "Body[redacted]";
    }
  }

  /** What the API shows: everything but the secrets. */
  record View(
      boolean enabled,
      String environment,
      String baseUrl,
      String businessId,
      String serviceId,
      boolean apiKeySet,
      boolean apiSecretSet,
      boolean cryptoKeysSet) {

    static View of(FirsAccount a) {
      return new View(
          a.enabled(),
          a.environment().name(),
          a.baseUrl(),
          a.businessId().toString(),
          a.serviceId(),
          true,
          true,
          true);
    }
  }

  @GetMapping
  View get(TenantId tenant) {
    return accounts
        .find(tenant.value())
        .map(View::of)
        .orElseThrow(
            () ->
                new ProblemException(
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "Not found",
                    "FIRS e-invoicing is not set up for this tenant."));
  }

  @PutMapping
  View put(TenantId tenant, @RequestBody Body body) {
    FirsAccount.Credentials stored =
        accounts.find(tenant.value()).map(FirsAccount::credentials).orElse(null);
    Map<String, String> errors = new LinkedHashMap<>();
    FirsAccount.Environment environment = null;
    if (body.environment() == null) {
      errors.put("environment", "is required: SANDBOX or PRODUCTION");
    } else {
      try {
        environment = FirsAccount.Environment.valueOf(body.environment());
      } catch (IllegalArgumentException e) {
        errors.put("environment", "must be SANDBOX or PRODUCTION");
      }
    }
    String baseUrl = body.baseUrl() == null ? null : body.baseUrl().strip();
    if (baseUrl == null || !httpUrl(baseUrl)) {
      errors.put("baseUrl", "is required: the FIRS API's base URL (http or https)");
    }
    UUID businessId = null;
    try {
      businessId = body.businessId() == null ? null : UUID.fromString(body.businessId().strip());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (businessId == null) {
      errors.put("businessId", "is required: the business id (a UUID) from the MBS dashboard");
    }
    if (body.serviceId() == null || !SERVICE_ID.matcher(body.serviceId().strip()).matches()) {
      errors.put("serviceId", "is required: 1 to 16 letters or digits (the IRN's middle part)");
    }
    String apiKey =
        secret(body.apiKey(), stored == null ? null : stored.apiKey(), "apiKey", errors);
    String apiSecret =
        secret(body.apiSecret(), stored == null ? null : stored.apiSecret(), "apiSecret", errors);
    String cryptoKeys =
        secret(
            body.cryptoKeys(), stored == null ? null : stored.cryptoKeys(), "cryptoKeys", errors);
    if (body.cryptoKeys() != null && cryptoKeys != null) {
      try {
        CryptoKeys.parse(cryptoKeys);
      } catch (IllegalArgumentException e) {
        errors.put("cryptoKeys", e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFirsSettings(errors);
    }
    FirsAccount account =
        new FirsAccount(
            Boolean.TRUE.equals(body.enabled()),
            environment,
            baseUrl,
            businessId,
            body.serviceId().strip(),
            new FirsAccount.Credentials(apiKey, apiSecret, cryptoKeys));
    accounts.save(tenant.value(), account);
    return View.of(account);
  }

  private static String secret(
      String given, String stored, String field, Map<String, String> errors) {
    if (given != null && !given.isBlank()) {
      if (given.length() > 20_000) {
        errors.put(field, "is too long");
      }
      return given.strip();
    }
    if (stored == null) {
      errors.put(field, "is required");
    }
    return stored;
  }

  private static boolean httpUrl(String value) {
    try {
      URI uri = URI.create(value);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** 400 with every offending field. */
  static final class InvalidFirsSettings extends ProblemException {
    private final Map<String, String> errors;

    InvalidFirsSettings(Map<String, String> errors) {
      super(
          HttpStatus.BAD_REQUEST,
          "invalid-settings",
          "Invalid settings",
          String.join("; ", errors.keySet()) + " invalid");
      this.errors = new TreeMap<>(errors);
    }

    @Override
    public ProblemDetail toProblemDetail() {
      ProblemDetail problem = super.toProblemDetail();
      problem.setProperty("errors", errors);
      return problem;
    }
  }
}
