package io.ledgerline.apikey.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.ledgerline.apikey.token.SigningKeys.StoredKey;
import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's RSA signing keys, persistent (PostgreSQL, private keys envelope-encrypted) and
 * rotating, so tokens validate at every replica, after a restart and across a rotation. The JWKS
 * publishes the current key, the previous one (tokens it signed are still valid) and, for {@code
 * publish-ahead} before it signs, the next one. Every replica re-reads the keys every {@code
 * refresh-interval}; whichever replica first finds a rotation due makes the new key (under an
 * advisory lock).
 */
public class SigningKeyRing implements JWKSource<SecurityContext> {

  private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);
  // next (while published ahead), current, previous
  private static final int PUBLISHED = 3;

  private record Snapshot(List<JWK> published, RSAKey signing) {}

  private final SigningKeys keys;
  private final EnvelopeEncryption encryption;
  private final JwtSettings.Signing settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private volatile Snapshot snapshot;

  SigningKeyRing(
      SigningKeys keys,
      EnvelopeEncryption encryption,
      JwtSettings.Signing settings,
      TransactionTemplate transactions,
      Clock clock) {
    this.keys = keys;
    this.encryption = encryption;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
    rotateIfDue(false);
    this.snapshot = load();
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    return selector.select(new JWKSet(snapshot.published()));
  }

  /** The key that signs now. */
  public RSAKey signingKey() {
    return snapshot.signing();
  }

  /** What the JWKS publishes, newest first. */
  List<String> publishedKeyIds() {
    return snapshot.published().stream().map(JWK::getKeyID).toList();
  }

  @Scheduled(
      fixedDelayString = "${ledgerline.jwt.signing.refresh-interval:30s}",
      initialDelayString = "${ledgerline.jwt.signing.refresh-interval:30s}")
  void maintain() {
    try {
      rotateIfDue(false);
      refresh();
    } catch (RuntimeException e) {
      // The keys in memory keep working; the next run tries again.
      log.warn("Signing key maintenance failed: {}", e.toString());
    }
  }

  /** An operator's rotation (a suspected leak): a new key, signing after {@code publish-ahead}. */
  void rotateNow() {
    rotateIfDue(true);
    refresh();
  }

  void refresh() {
    this.snapshot = load();
  }

  private void rotateIfDue(boolean force) {
    transactions.executeWithoutResult(
        status -> {
          keys.lockRotation();
          var now = clock.instant();
          var newest = keys.newest(1);
          if (newest.isEmpty()) {
            // The very first key: no tokens exist, so it signs at once.
            keys.add(generate(now, now));
            log.info("Created the first JWT signing key");
            return;
          }
          var latest = newest.get(0);
          boolean due = !latest.createdAt().plus(settings.rotationPeriod()).isAfter(now);
          boolean pending = latest.activatesAt().isAfter(now);
          if ((due || force) && !pending) {
            var key = generate(now, now.plus(settings.publishAhead()));
            keys.add(key);
            keys.deleteAllButNewest(PUBLISHED);
            log.info("Rotated the JWT signing key: {} signs from {}", key.kid(), key.activatesAt());
          }
        });
  }

  private Snapshot load() {
    var now = clock.instant();
    List<JWK> published = new ArrayList<>();
    RSAKey signing = null;
    int signedBefore = 0;
    for (var key : keys.newest(PUBLISHED)) {
      boolean upcoming = key.activatesAt().isAfter(now);
      if (!upcoming && ++signedBefore > 2) {
        break; // older than the previous key: nothing it signed is still valid
      }
      var rsa = decrypt(key);
      published.add(rsa);
      if (!upcoming && signing == null) {
        signing = rsa;
      }
    }
    if (signing == null) {
      throw new IllegalStateException("no JWT signing key is active yet");
    }
    return new Snapshot(List.copyOf(published), signing);
  }

  private RSAKey decrypt(StoredKey key) {
    try {
      return RSAKey.parse(encryption.decrypt(key.privateJwk(), key.kid()));
    } catch (ParseException e) {
      throw new IllegalStateException("signing key " + key.kid() + " is not a JWK", e);
    }
  }

  private StoredKey generate(Instant createdAt, Instant activatesAt) {
    try {
      var rsa =
          new RSAKeyGenerator(2048)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      return new StoredKey(
          rsa.getKeyID(),
          rsa.toPublicJWK().toJSONString(),
          encryption.encrypt(rsa.toJSONString(), rsa.getKeyID()),
          createdAt,
          activatesAt);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  @Override
  public String toString() {
    return "SigningKeyRing[published=" + publishedKeyIds() + "]";
  }
}
