package io.ledgerline.invoice.firs;

import io.ledgerline.platform.service.crypto.EncryptedSecret;
import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Tenants' FIRS settings in {@code firs_settings}, the credentials envelope-encrypted. */
@Repository
public class FirsAccounts {

  private final JdbcClient jdbc;
  private final EnvelopeEncryption encryption;
  private final JsonMapper json;

  FirsAccounts(JdbcClient jdbc, EnvelopeEncryption encryption, JsonMapper json) {
    this.jdbc = jdbc;
    this.encryption = encryption;
    this.json = json;
  }

  public Optional<FirsAccount> find(String tenantId) {
    return jdbc.sql(
            """
            SELECT enabled, environment, base_url, business_id, service_id, kek_id,
                wrapped_data_key, ciphertext
            FROM firs_settings WHERE tenant_id = :tenantId
            """)
        .param("tenantId", tenantId)
        .query(
            (rs, row) -> {
              String doc =
                  encryption.decrypt(
                      new EncryptedSecret(
                          rs.getString("kek_id"),
                          rs.getBytes("wrapped_data_key"),
                          rs.getBytes("ciphertext")),
                      associatedData(tenantId));
              JsonNode secrets = json.readTree(doc);
              return new FirsAccount(
                  rs.getBoolean("enabled"),
                  FirsAccount.Environment.valueOf(rs.getString("environment")),
                  rs.getString("base_url"),
                  rs.getObject("business_id", UUID.class),
                  rs.getString("service_id"),
                  new FirsAccount.Credentials(
                      secrets.get("api_key").asString(),
                      secrets.get("api_secret").asString(),
                      secrets.get("crypto_keys").asString()));
            })
        .optional();
  }

  void save(String tenantId, FirsAccount account) {
    ObjectNode doc = json.createObjectNode();
    doc.put("api_key", account.credentials().apiKey());
    doc.put("api_secret", account.credentials().apiSecret());
    doc.put("crypto_keys", account.credentials().cryptoKeys());
    EncryptedSecret sealed =
        encryption.encrypt(json.writeValueAsString(doc), associatedData(tenantId));
    jdbc.sql(
            """
            INSERT INTO firs_settings (tenant_id, enabled, environment, base_url, business_id,
                service_id, kek_id, wrapped_data_key, ciphertext, updated_at)
            VALUES (:tenantId, :enabled, :environment, :baseUrl, :businessId, :serviceId, :kekId,
                :wrapped, :ciphertext, now())
            ON CONFLICT (tenant_id) DO UPDATE SET enabled = EXCLUDED.enabled,
                environment = EXCLUDED.environment, base_url = EXCLUDED.base_url,
                business_id = EXCLUDED.business_id, service_id = EXCLUDED.service_id,
                kek_id = EXCLUDED.kek_id, wrapped_data_key = EXCLUDED.wrapped_data_key,
                ciphertext = EXCLUDED.ciphertext, updated_at = now()
            """)
        .param("tenantId", tenantId)
        .param("enabled", account.enabled())
        .param("environment", account.environment().name())
        .param("baseUrl", account.baseUrl())
        .param("businessId", account.businessId())
        .param("serviceId", account.serviceId())
        .param("kekId", sealed.keyId())
        .param("wrapped", sealed.wrappedDataKey())
        .param("ciphertext", sealed.ciphertext())
        .update();
  }

  /** Binds a ciphertext to its tenant: a row copied onto another tenant does not decrypt. */
  static String associatedData(String tenantId) {
    return "firs-settings:" + tenantId;
  }
}
