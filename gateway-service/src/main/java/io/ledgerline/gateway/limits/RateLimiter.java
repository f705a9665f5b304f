package io.ledgerline.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets shared by every gateway replica through PostgreSQL (Bucket4j, ADR 0012). Each
 * replica keeps a proxy per bucket that consumes locally and writes to the database after {@code
 * syncTokens} tokens or {@code syncInterval}, so most requests cost no database round trip. Blocks
 * on JDBC when it syncs: callers run it off the event loop.
 */
@Component
class RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  /** One bucket to take a token from. */
  record Limit(String bucketId, PlanSettings.Limit limit) {}

  /**
   * The outcome over every bucket of a request: refused if any bucket is empty; the headers tell
   * the tightest bucket.
   */
  record Decision(
      boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {}

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
  private final LimitSettings settings;
  private final Cache<String, BucketProxy> proxies =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  RateLimiter(DataSource dataSource, LimitSettings settings) {
    this.settings = settings;
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("bucket")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            // A row is a full bucket again once it has refilled: it may then be deleted.
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build();
  }

  Decision consume(List<Limit> limits) {
    Decision tightest = null;
    for (var limit : limits) {
      ConsumptionProbe probe = proxy(limit).tryConsumeAndReturnRemaining(1);
      var decision =
          new Decision(
              probe.isConsumed(),
              limit.limit().burst(),
              probe.getRemainingTokens(),
              seconds(probe.getNanosToWaitForReset()),
              Math.max(1, seconds(probe.getNanosToWaitForRefill())));
      if (!decision.allowed()) {
        return decision;
      }
      if (tightest == null || decision.remaining() < tightest.remaining()) {
        tightest = decision;
      }
    }
    return tightest == null ? new Decision(true, 0, 0, 0, 0) : tightest;
  }

  private BucketProxy proxy(Limit limit) {
    return proxies.get(
        limit.bucketId(),
        id ->
            buckets
                .builder()
                .withOptimization(
                    Optimizations.delaying(
                        new DelayParameters(settings.syncTokens(), settings.syncInterval())))
                .build(id, () -> configuration(limit.limit())));
  }

  static BucketConfiguration configuration(PlanSettings.Limit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.rate(), Duration.ofSeconds(1))
                .build())
        .build();
  }

  private static long seconds(long nanos) {
    return (nanos + 999_999_999L) / 1_000_000_000L;
  }

  /** Full buckets need no row: the table holds only callers active in the last seconds. */
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void removeExpiredBuckets() {
    try {
      int removed;
      do {
        removed = buckets.removeExpired(1000);
      } while (removed == 1000);
    } catch (RuntimeException e) {
      log.warn("Could not remove expired rate limit buckets: {}", e.toString());
    }
  }
}
