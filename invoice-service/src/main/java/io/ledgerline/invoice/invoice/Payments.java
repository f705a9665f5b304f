package io.ledgerline.invoice.invoice;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payments recorded against invoices. Every query is within one tenant. */
public interface Payments {

  void add(String tenantId, Payment payment);

  Optional<Payment> findByReference(String tenantId, UUID invoiceId, String reference);

  List<Payment> forInvoice(String tenantId, UUID invoiceId);
}
