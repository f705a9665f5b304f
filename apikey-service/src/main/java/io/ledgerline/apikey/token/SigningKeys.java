package io.ledgerline.apikey.token;

import io.ledgerline.platform.service.crypto.EncryptedSecret;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code signing_key} table: public JWKs in clear, private keys envelope-encrypted. */
@Repository
class SigningKeys {

  record StoredKey(
      String kid,
      String publicJwk,
      EncryptedSecret privateJwk,
      Instant createdAt,
      Instant activatesAt) {

    @Override
    public String toString() {
      return "StoredKey[kid=" + kid + ", activatesAt=" + activatesAt + "]";
    }
  }

  private final JdbcClient jdbc;

  SigningKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Serialises rotation across replicas for the rest of the transaction. */
  void lockRotation() {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('apikey_signing_key_rotation'))")
        .query()
        .singleValue();
  }

  /** The newest keys first (by the time they start signing). */
  List<StoredKey> newest(int count) {
    return jdbc.sql(
            "select * from signing_key order by activates_at desc, created_at desc limit :n")
        .param("n", count)
        .query(
            (rs, row) ->
                new StoredKey(
                    rs.getString("kid"),
                    rs.getString("public_jwk"),
                    new EncryptedSecret(
                        rs.getString("kek_id"),
                        rs.getBytes("wrapped_data_key"),
                        rs.getBytes("encrypted_private_key")),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("activates_at").toInstant()))
        .list();
  }

  void add(StoredKey key) {
    jdbc.sql(
            """
            insert into signing_key
              (kid, public_jwk, kek_id, wrapped_data_key, encrypted_private_key, created_at, activates_at)
            values (:kid, :publicJwk, :kekId, :wrapped, :encrypted, :createdAt, :activatesAt)
            """)
        .param("kid", key.kid())
        .param("publicJwk", key.publicJwk())
        .param("kekId", key.privateJwk().keyId())
        .param("wrapped", key.privateJwk().wrappedDataKey())
        .param("encrypted", key.privateJwk().ciphertext())
        .param("createdAt", Timestamp.from(key.createdAt()))
        .param("activatesAt", Timestamp.from(key.activatesAt()))
        .update();
  }

  /** Keys older than the newest {@code keep} can sign nothing and verify nothing still valid. */
  void deleteAllButNewest(int keep) {
    jdbc.sql(
            """
            delete from signing_key where kid not in
              (select kid from signing_key order by activates_at desc, created_at desc limit :keep)
            """)
        .param("keep", keep)
        .update();
  }
}
