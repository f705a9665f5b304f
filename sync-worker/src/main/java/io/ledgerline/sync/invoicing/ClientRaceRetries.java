package io.ledgerline.sync.invoicing;

import io.ledgerline.sync.client.ClientRaceLost;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a use case in a transaction of its own, and again in a new transaction when it lost a race
 * for a client (another transaction took one of the buyer's keys, merged one of its clients, or
 * created the tenant's walk-in client first). The winner has committed by then (the losing insert
 * waited for it), so the new transaction's lookups find its client: a deal and a sale of one buyer
 * consumed at the same moment make one client. What still fails after the retries goes to the
 * consumer's error handler like any other failure.
 */
@Component
class ClientRaceRetries {

  private static final Logger log = LoggerFactory.getLogger(ClientRaceRetries.class);

  static final int MAX_RETRIES = 5;

  private final TransactionTemplate transactions;
  private final RetryTemplate retries =
      new RetryTemplate(
          RetryPolicy.builder()
              .maxRetries(MAX_RETRIES)
              .delay(Duration.ofMillis(5))
              .jitter(Duration.ofMillis(5))
              .predicate(ClientRaceRetries::lostARace)
              .build());

  ClientRaceRetries(PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The work's result, from the first of its transactions that committed. */
  <T> T inTransaction(Supplier<T> work) {
    return retries.invoke(() -> transactions.execute(status -> work.get()));
  }

  private static boolean lostARace(Throwable failure) {
    boolean lost = failure instanceof ClientRaceLost || failure instanceof DuplicateKeyException;
    if (lost) {
      log.debug("Lost a race for a client, running again: {}", failure.getMessage());
    }
    return lost;
  }
}
