package io.ledgerline.invoice.invoice;

import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invoice API: a tenant reads its own invoices, records payments and issues credit notes
 * (scopes in {@link io.ledgerline.invoice.InvoiceScopes}); another tenant's invoice does not exist
 * for it (404, never 403, so ids cannot be probed). An issued invoice is never edited or deleted.
 */
@RestController
@RequestMapping("/api/v1/invoices")
class InvoiceController {

  private final Invoices invoices;
  private final Payments payments;
  private final RecordPayment recordPayment;
  private final CreditInvoice creditInvoice;
  private final InvoicingProfiles profiles;

  InvoiceController(
      Invoices invoices,
      Payments payments,
      RecordPayment recordPayment,
      CreditInvoice creditInvoice,
      InvoicingProfiles profiles) {
    this.invoices = invoices;
    this.payments = payments;
    this.recordPayment = recordPayment;
    this.creditInvoice = creditInvoice;
    this.profiles = profiles;
  }

  @GetMapping
  InvoicePage<InvoiceView> list(
      TenantId tenant,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String clientId,
      @RequestParam(required = false) String platform,
      @RequestParam(required = false) String connectionId,
      @RequestParam(required = false) String number,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sourceExternalId) {
    int size = ApiParams.limit(limit);
    if (q != null && (q.strip().length() < 2 || q.length() > 100)) {
      throw ApiParams.invalid("q must be 2 to 100 characters.");
    }
    LocalDate fromDate = ApiParams.date(from, "from");
    LocalDate toDate = ApiParams.date(to, "to");
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      throw ApiParams.invalid("from must not be after to.");
    }
    InvoiceFilter filter =
        new InvoiceFilter(
            ApiParams.enumValue(InvoiceStatus.class, status, "status"),
            fromDate,
            toDate,
            clientId,
            platform == null ? null : platform.toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
            connectionId,
            number,
            q == null ? null : q.strip(),
            sourceExternalId,
            ApiParams.cursor(cursor));
    // One more than asked: whether it exists says if there is a next page.
    List<Invoice> found = invoices.list(tenant.value(), filter, size + 1);
    List<Invoice> page = found.size() > size ? found.subList(0, size) : found;
    String next =
        found.size() > size ? String.valueOf(page.get(page.size() - 1).number().sequence()) : null;
    LocalDate today = today(tenant);
    return new InvoicePage<>(page.stream().map(i -> InvoiceView.of(i, today)).toList(), next);
  }

  @GetMapping("/{id}")
  InvoiceView get(TenantId tenant, @PathVariable String id) {
    return invoices
        .findById(tenant.value(), ApiParams.pathId(id))
        .map(i -> InvoiceView.of(i, today(tenant)))
        .orElseThrow(InvoiceNotFound::new);
  }

  /** A payment body: amount as a decimal string; date (default today), method, reference. */
  record PaymentBody(
      String amount, String currency, String date, String method, String reference) {}

  @GetMapping("/{id}/payments")
  List<PaymentView> payments(TenantId tenant, @PathVariable String id) {
    Invoice invoice =
        invoices.findById(tenant.value(), ApiParams.pathId(id)).orElseThrow(InvoiceNotFound::new);
    int digits = invoice.currency().getDefaultFractionDigits();
    return payments.forInvoice(tenant.value(), invoice.id()).stream()
        .map(p -> PaymentView.of(p, digits))
        .toList();
  }

  @PostMapping("/{id}/payments")
  ResponseEntity<PaymentView> pay(
      TenantId tenant, @PathVariable String id, @RequestBody PaymentBody body) {
    UUID invoiceId = ApiParams.pathId(id);
    Invoice invoice =
        invoices.findById(tenant.value(), invoiceId).orElseThrow(InvoiceNotFound::new);
    BigDecimal amount = ApiParams.decimal(body.amount(), "amount");
    if (amount == null) {
      throw ApiParams.invalid("amount is required.");
    }
    if (body.reference() == null || body.reference().isBlank() || body.reference().length() > 200) {
      throw ApiParams.invalid("reference is required (at most 200 characters).");
    }
    if (body.method() != null && body.method().length() > 50) {
      throw ApiParams.invalid("method is at most 50 characters.");
    }
    if (body.currency() != null && !body.currency().equals(invoice.currency().getCurrencyCode())) {
      throw unprocessable(
          "invalid-payment",
          "the payment is in " + body.currency() + ", the invoice is in " + invoice.currency());
    }
    LocalDate date = ApiParams.date(body.date(), "date");
    RecordPayment.Recorded recorded;
    try {
      recorded =
          recordPayment.record(
              tenant.value(),
              invoiceId,
              new PaymentRequest(
                  amount,
                  invoice.currency(),
                  date != null ? date : today(tenant),
                  null,
                  body.method(),
                  body.reference().strip(),
                  Origin.API));
    } catch (PaymentConflict e) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "payment-conflict", "Payment conflict", e.getMessage());
    } catch (InvalidInvoice e) {
      throw unprocessable("invalid-payment", e.getMessage());
    }
    return ResponseEntity.status(recorded.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(PaymentView.of(recorded.payment(), invoice.currency().getDefaultFractionDigits()));
  }

  /**
   * A credit-note body: lines (by position, optional quantity or amount), or an amount, or full.
   */
  record CreditBody(String reason, List<CreditLineBody> lines, String amount, Boolean full) {}

  record CreditLineBody(Integer line, String quantity, String amount) {}

  @PostMapping("/{id}/credit-notes")
  ResponseEntity<CreditNoteView> credit(
      TenantId tenant,
      @PathVariable String id,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody CreditBody body) {
    UUID invoiceId = ApiParams.pathId(id);
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw ApiParams.invalid("Idempotency-Key must be 1 to 200 characters.");
    }
    if (body.reason() != null && body.reason().length() > 500) {
      throw ApiParams.invalid("reason is at most 500 characters.");
    }
    List<CreditLineRequest> lines =
        body.lines() == null
            ? List.of()
            : body.lines().stream()
                .map(
                    l -> {
                      if (l.line() == null) {
                        throw ApiParams.invalid("every credited line names its invoice line.");
                      }
                      return new CreditLineRequest(
                          l.line(),
                          null,
                          null,
                          null,
                          ApiParams.decimal(l.quantity(), "quantity"),
                          ApiParams.decimal(l.amount(), "amount"),
                          null);
                    })
                .toList();
    String creditId =
        "api:" + (idempotencyKey != null ? idempotencyKey.strip() : UUID.randomUUID());
    CreditInvoice.Credited credited;
    try {
      credited =
          creditInvoice.creditInvoice(
              tenant.value(),
              invoiceId,
              new CreditRequest(
                  creditId,
                  body.reason(),
                  Boolean.TRUE.equals(body.full()),
                  lines,
                  null,
                  List.of(),
                  ApiParams.decimal(body.amount(), "amount"),
                  Instant.now(),
                  Origin.API,
                  null));
    } catch (InvalidInvoice e) {
      throw unprocessable("invalid-credit", e.getMessage());
    }
    return ResponseEntity.status(credited.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(CreditNoteView.of(credited.note()));
  }

  @ExceptionHandler(InvoiceNotFound.class)
  ResponseEntity<org.springframework.http.ProblemDetail> notFound() {
    ProblemException problem =
        new ProblemException(
            HttpStatus.NOT_FOUND, "invoice-not-found", "Invoice not found", "No such invoice.");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem.toProblemDetail());
  }

  private LocalDate today(TenantId tenant) {
    return LocalDate.now(profiles.termsFor(tenant.value(), null).timeZone());
  }

  private static ProblemException unprocessable(String kind, String detail) {
    return new ProblemException(
        HttpStatus.UNPROCESSABLE_CONTENT, kind, "The invoice does not allow this", detail);
  }
}
