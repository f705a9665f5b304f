package io.ledgerline.invoice.firs;

import io.ledgerline.invoice.invoice.CreditNote;
import io.ledgerline.invoice.invoice.CreditNoteLine;
import io.ledgerline.invoice.invoice.CreditNotes;
import io.ledgerline.invoice.invoice.Invoice;
import io.ledgerline.invoice.invoice.InvoiceLine;
import io.ledgerline.invoice.invoice.Invoices;
import io.ledgerline.invoice.invoice.TaxCategory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The submission worker (ADR 0015). Every poll it claims due documents ({@link
 * FirsDocuments#claimDue}: {@code FOR UPDATE SKIP LOCKED} and a lease, so replicas never work on
 * one document at once) and takes each as far as it goes: {@code PENDING} → irn/validate and
 * validate → {@code VALIDATED} → sign → {@code SIGNED} → transmit/{IRN} → {@code TRANSMITTED} →
 * confirm/{IRN} → {@code CONFIRMED}. Each step's success is stored before the next is called, so a
 * restart resumes at the step that had not succeeded. A 5xx, a timeout or a "try again later" keeps
 * the status and retries after an exponential, jittered backoff; another 4xx ends in {@code
 * REJECTED} with FIRS's reasons. Sign registers the document with FIRS and has no idempotency key,
 * so a sign that may have reached FIRS is followed, on retry, by confirm/{IRN} first: a document
 * FIRS knows is not signed again.
 */
@Service
public class SubmitToFirs {

  private static final Logger log = LoggerFactory.getLogger(SubmitToFirs.class);
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
  private static final int BATCH = 20;

  private final FirsDocuments documents;
  private final FirsAccounts accounts;
  private final FirsClient client;
  private final FirsCodeLists codes;
  private final Invoices invoices;
  private final CreditNotes creditNotes;
  private final TransactionTemplate transactions;
  private final Duration retryBase;
  private final Clock clock = Clock.systemUTC();

  SubmitToFirs(
      FirsDocuments documents,
      FirsAccounts accounts,
      FirsClient client,
      FirsCodeLists codes,
      Invoices invoices,
      CreditNotes creditNotes,
      TransactionTemplate transactions,
      @Value("${ledgerline.invoice.firs.retry-base:PT10S}") Duration retryBase) {
    this.documents = documents;
    this.accounts = accounts;
    this.client = client;
    this.codes = codes;
    this.invoices = invoices;
    this.creditNotes = creditNotes;
    this.transactions = transactions;
    this.retryBase = retryBase;
  }

  @Scheduled(
      fixedDelayString = "${ledgerline.invoice.firs.poll-interval:PT5S}",
      initialDelayString = "${ledgerline.invoice.firs.poll-interval:PT5S}")
  public void poll() {
    Instant now = clock.instant();
    List<FirsDocuments.Due> due =
        transactions.execute(s -> documents.claimDue(BATCH, now, now.plus(LEASE)));
    for (FirsDocuments.Due document : due == null ? List.<FirsDocuments.Due>of() : due) {
      try {
        submit(document);
      } catch (RuntimeException e) {
        // Not FIRS's answer but ours (a missing document, a bug): retried, never lost.
        log.warn("FIRS submission of {} failed", document.documentId(), e);
        retry(document, e.getClass().getSimpleName());
      }
    }
  }

  private void submit(FirsDocuments.Due document) {
    FirsAccount account = accounts.find(document.tenantId()).orElse(null);
    if (account == null || !account.enabled()) {
      retry(document, "FIRS is not enabled for the tenant");
      return;
    }
    String status = document.status();
    try {
      ObjectNode body = null;
      if (status.equals("PENDING") || status.equals("VALIDATED")) {
        body = body(document, account);
      }
      if (status.equals("PENDING")) {
        ObjectNode irn = body.objectNode();
        irn.put("business_id", account.businessId().toString());
        irn.put("invoice_reference", document.irn().substring(0, document.irn().indexOf('-')));
        irn.put("irn", document.irn());
        requireOk(client.post(account, "/api/v1/invoice/irn/validate", irn), "irn/validate");
        requireOk(client.post(account, "/api/v1/invoice/validate", body), "validate");
        status = step(document, "VALIDATED", "IRN and invoice validated by FIRS");
      }
      if (status.equals("VALIDATED")) {
        if (document.signAttempted() && knownToFirs(account, document.irn())) {
          status = signed(document, account, "FIRS already had the signed invoice");
        } else {
          documents.markSignAttempted(document.tenantId(), document.documentId());
          requireOk(client.post(account, "/api/v1/invoice/sign", body), "sign");
          status = signed(document, account, "signed by FIRS");
        }
      }
      if (status.equals("SIGNED")) {
        client.post(account, "/api/v1/invoice/transmit/" + document.irn(), null);
        status = step(document, "TRANSMITTED", "transmitted by FIRS");
      }
      if (status.equals("TRANSMITTED")) {
        JsonNode confirm = client.get(account, "/api/v1/invoice/confirm/" + document.irn());
        step(document, "CONFIRMED", "confirmed by FIRS" + flags(confirm));
      }
    } catch (FirsClient.Unavailable e) {
      retry(document, e.getMessage());
    } catch (FirsClient.Refused e) {
      log.info("FIRS rejected {} ({}): {}", document.documentId(), document.irn(), e.getMessage());
      documents.reject(document.tenantId(), document.documentId(), e.getMessage(), clock.instant());
    }
  }

  /** Whether FIRS has the IRN already (a sign that timed out may have reached it). */
  private boolean knownToFirs(FirsAccount account, String irn) {
    try {
      client.get(account, "/api/v1/invoice/confirm/" + irn);
      return true;
    } catch (FirsClient.Refused e) {
      return false;
    }
  }

  /**
   * The document as FIRS's invoice JSON, its codes from FIRS's lists and checked against them
   * ({@link FirsCodeLists#check}): a code FIRS does not list is refused here, before FIRS is
   * called.
   */
  private ObjectNode body(FirsDocuments.Due document, FirsAccount account) {
    ObjectNode body;
    List<String> exemptions;
    if (document.kind().equals("CREDIT_NOTE")) {
      CreditNote note =
          creditNotes
              .findById(document.tenantId(), document.documentId())
              .orElseThrow(() -> new IllegalStateException("no credit note"));
      Invoice original =
          invoices
              .findById(document.tenantId(), note.invoiceId())
              .orElseThrow(() -> new IllegalStateException("no invoice"));
      String originalIrn =
          documents
              .irnOf(document.tenantId(), note.invoiceId())
              .orElseThrow(() -> new FirsClient.Refused(0, "the credited invoice has no FIRS IRN"));
      body =
          FirsInvoiceJson.creditNote(
              note,
              original,
              originalIrn,
              account,
              document.irn(),
              codes(account, FirsCodeLists.CREDIT_NOTE));
      exemptions =
          note.lines().stream()
              .filter(l -> l.taxCategory() == TaxCategory.EXEMPT)
              .map(CreditNoteLine::taxExemptionReason)
              .toList();
    } else {
      Invoice invoice =
          invoices
              .findById(document.tenantId(), document.documentId())
              .orElseThrow(() -> new IllegalStateException("no invoice"));
      body =
          FirsInvoiceJson.invoice(
              invoice, account, document.irn(), codes(account, FirsCodeLists.COMMERCIAL_INVOICE));
      exemptions =
          invoice.lines().stream()
              .filter(l -> l.taxCategory() == TaxCategory.EXEMPT)
              .map(InvoiceLine::taxExemptionReason)
              .toList();
    }
    codes.check(account, body, exemptions);
    return body;
  }

  private FirsInvoiceJson.Codes codes(FirsAccount account, String type) {
    return new FirsInvoiceJson.Codes(
        codes.invoiceType(account, type),
        category -> codes.taxCategory(account, category),
        codes.paymentMeans(account, FirsCodeLists.CREDIT_TRANSFER).orElse(null));
  }

  /** A validate answering {@code data.ok: false} refuses the document. */
  private static void requireOk(JsonNode answer, String step) {
    JsonNode ok = answer.path("data").path("ok");
    if (ok.isBoolean() && !ok.asBoolean()) {
      throw new FirsClient.Refused(0, step + ": FIRS answered ok=false");
    }
  }

  private static String flags(JsonNode confirm) {
    JsonNode data = confirm.path("data");
    StringBuilder text = new StringBuilder();
    for (String flag : new String[] {"transmitted", "delivered"}) {
      if (data.path(flag).isBoolean()) {
        text.append(", ").append(flag).append('=').append(data.get(flag).asBoolean());
      }
    }
    return text.toString();
  }

  /**
   * {@code SIGNED}, with the QR payload made now: FIRS's signing procedure puts the Unix time of
   * signing after the IRN ({@code "<IRN>.<seconds>"}), and that is also the SIGNED step's time.
   */
  private String signed(FirsDocuments.Due document, FirsAccount account, String detail) {
    Instant signedAt = clock.instant();
    String qr = QrPayload.of(new Irn(document.irn()), signedAt, account.credentials().keys());
    documents.signed(document.tenantId(), document.documentId(), qr, detail, signedAt);
    return "SIGNED";
  }

  private String step(FirsDocuments.Due document, String status, String detail) {
    documents.advance(document.tenantId(), document.documentId(), status, detail, clock.instant());
    return status;
  }

  private void retry(FirsDocuments.Due document, String error) {
    Instant now = clock.instant();
    documents.retryLater(
        document.tenantId(), document.documentId(), error, now.plus(backoff(document)), now);
  }

  /** retry-base × 2^attempts, at most 30 minutes, with up to half of it added at random. */
  private Duration backoff(FirsDocuments.Due document) {
    long base = retryBase.toMillis() << Math.min(document.attempts(), 20);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    return Duration.ofMillis(capped + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }
}
