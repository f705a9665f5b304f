package io.ledgerline.invoice.settings;

import io.ledgerline.invoice.invoice.UntaxedLines;
import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.tenant.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invoicing settings API: {@code GET}/{@code PUT /api/v1/settings/invoicing} (the whole
 * settings; a field left out takes the service-wide default) and a connection's own rule for lines
 * its platform leaves untaxed ({@code .../connections/{connectionId}}). Scopes in {@link
 * io.ledgerline.invoice.InvoiceScopes}. New settings apply to documents issued after them; issued
 * ones keep their snapshot.
 */
@RestController
@RequestMapping("/api/v1/settings/invoicing")
class SettingsController {

  private final TenantSettings settings;

  SettingsController(TenantSettings settings) {
    this.settings = settings;
  }

  @GetMapping
  SettingsJson get(TenantId tenant) {
    return SettingsJson.of(settings.termsFor(tenant.value(), null));
  }

  @PutMapping
  SettingsJson put(TenantId tenant, @RequestBody SettingsJson body) {
    settings.save(tenant.value(), SettingsRules.check(body));
    return get(tenant);
  }

  @GetMapping("/connections/{connectionId}")
  SettingsJson.ConnectionRule connection(TenantId tenant, @PathVariable String connectionId) {
    return settings
        .connectionRule(tenant.value(), connectionId)
        .map(SettingsJson.ConnectionRule::of)
        .orElseThrow(SettingsController::noConnectionRule);
  }

  @PutMapping("/connections/{connectionId}")
  SettingsJson.ConnectionRule putConnection(
      TenantId tenant,
      @PathVariable String connectionId,
      @RequestBody SettingsJson.ConnectionRule body) {
    Map<String, String> errors = new LinkedHashMap<>();
    UntaxedLines rule = SettingsRules.untaxedLines(body.untaxedLines(), "untaxedLines", errors);
    if (rule == null) {
      errors.putIfAbsent("untaxedLines", "is required: DEFAULT_RATE or NOT_TAXED");
    }
    if (connectionId.length() > 100) {
      errors.put("connectionId", "is longer than 100 characters");
    }
    if (!errors.isEmpty()) {
      throw new InvalidSettings(errors);
    }
    settings.saveConnectionRule(tenant.value(), connectionId, rule);
    return SettingsJson.ConnectionRule.of(rule);
  }

  @DeleteMapping("/connections/{connectionId}")
  ResponseEntity<Void> deleteConnection(TenantId tenant, @PathVariable String connectionId) {
    if (!settings.removeConnectionRule(tenant.value(), connectionId)) {
      throw noConnectionRule();
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/clients/{clientId}")
  SettingsJson.ClientSettings client(TenantId tenant, @PathVariable String clientId) {
    return settings
        .clientElectronicAddress(tenant.value(), clientId)
        .map(SettingsJson.ClientSettings::new)
        .orElseThrow(SettingsController::noClientSettings);
  }

  /**
   * Where a client's e-invoices go (BT-49): an EAS scheme and id, for example a Peppol participant
   * {@code 0088:5790000435975}; invoices issued afterwards carry it.
   */
  @PutMapping("/clients/{clientId}")
  SettingsJson.ClientSettings putClient(
      TenantId tenant,
      @PathVariable String clientId,
      @RequestBody SettingsJson.ClientSettings body) {
    Map<String, String> errors = new LinkedHashMap<>();
    var address = SettingsRules.electronicAddress(body.electronicAddress(), errors);
    if (address == null) {
      errors.putIfAbsent("electronicAddress", "is required");
    }
    if (clientId.length() > 200) {
      errors.put("clientId", "is longer than 200 characters");
    }
    if (!errors.isEmpty()) {
      throw new InvalidSettings(errors);
    }
    settings.saveClientElectronicAddress(tenant.value(), clientId, address);
    return new SettingsJson.ClientSettings(address);
  }

  @DeleteMapping("/clients/{clientId}")
  ResponseEntity<Void> deleteClient(TenantId tenant, @PathVariable String clientId) {
    if (!settings.removeClientSettings(tenant.value(), clientId)) {
      throw noClientSettings();
    }
    return ResponseEntity.noContent().build();
  }

  private static ProblemException noClientSettings() {
    return new ProblemException(
        HttpStatus.NOT_FOUND, "not-found", "Not found", "This client has no settings of its own.");
  }

  private static ProblemException noConnectionRule() {
    return new ProblemException(
        HttpStatus.NOT_FOUND,
        "not-found",
        "Not found",
        "This connection has no rule of its own; the tenant's applies.");
  }
}
