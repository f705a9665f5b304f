package io.ledgerline.apikey.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.apikey.ApikeyIntegrationTestBase;
import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing keys on the real database: what a second replica or a restarted process sees, and a
 * rotation seen through clocks moved forward.
 */
class SigningKeyRingIntegrationTest extends ApikeyIntegrationTestBase {

  @Autowired SigningKeyRing ring;
  @Autowired SigningKeys keys;
  @Autowired JwtSettings settings;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  @Test
  void anotherReplicaOrARestartSignsWithAndPublishesTheSameKey() {
    var restarted = ringAt(Clock.systemUTC());

    assertThat(restarted.signingKey().getKeyID()).isEqualTo(ring.signingKey().getKeyID());
    assertThat(restarted.signingKey()).isEqualTo(ring.signingKey());
    assertThat(restarted.publishedKeyIds()).contains(ring.signingKey().getKeyID());
  }

  @Test
  void privateKeysAreStoredOnlyEncrypted() {
    var kid = ring.signingKey().getKeyID();
    var privateExponent = ring.signingKey().getPrivateExponent().toString();

    var publicJwk =
        jdbc.sql("select public_jwk from signing_key where kid = :kid")
            .param("kid", kid)
            .query(String.class)
            .single();
    var encrypted =
        jdbc.sql("select encrypted_private_key from signing_key where kid = :kid")
            .param("kid", kid)
            .query(byte[].class)
            .single();

    assertThat(publicJwk).doesNotContain("\"d\"").doesNotContain(privateExponent);
    assertThat(new String(encrypted, StandardCharsets.ISO_8859_1))
        .doesNotContain(privateExponent)
        .doesNotContain("\"d\"");
  }

  @Test
  void aDueRotationPublishesTheNextKeyAheadThenSignsWithItAndKeepsThePrevious() {
    var current = ring.signingKey().getKeyID();
    var due = Instant.now().plus(settings.signing().rotationPeriod()).plus(Duration.ofDays(1));

    var atRotation = ringAt(Clock.fixed(due, ZoneOffset.UTC));
    var next = atRotation.publishedKeyIds().get(0);
    var afterPublishAhead =
        ringAt(
            Clock.fixed(
                due.plus(settings.signing().publishAhead()).plusSeconds(1), ZoneOffset.UTC));

    assertThat(next).isNotEqualTo(current);
    assertThat(atRotation.signingKey().getKeyID()).isEqualTo(current);
    assertThat(atRotation.publishedKeyIds()).contains(next, current);
    assertThat(afterPublishAhead.signingKey().getKeyID()).isEqualTo(next);
    assertThat(afterPublishAhead.publishedKeyIds()).containsExactly(next, current);
  }

  private SigningKeyRing ringAt(Clock clock) {
    var encryption =
        EnvelopeEncryption.fromBase64(
            settings.signing().encryptionKeys(), settings.signing().activeEncryptionKeyId());
    return new SigningKeyRing(keys, encryption, settings.signing(), transactions, clock);
  }
}
