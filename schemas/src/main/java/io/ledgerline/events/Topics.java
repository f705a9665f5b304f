package io.ledgerline.events;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** The topic catalogue: every topic the platform uses, with the event type it carries. */
public final class Topics {

  /** {@link DealEvent}, keyed {@code tenantId:platform:externalId}. */
  public static final String CRM_DEALS = "crm.deals.v1";

  /** {@link SaleEvent}, keyed {@code tenantId:platform:externalId}. */
  public static final String POS_SALES = "pos.sales.v1";

  /** {@link SyncRequest}, keyed {@code tenantId:platform:externalId}. */
  public static final String SYNC_REQUESTS = "integrations.sync-requests.v1";

  /** {@link InvoiceCommand}, keyed {@code tenantId:platform:externalId}. */
  public static final String INVOICE_COMMANDS = "billing.invoice-commands.v1";

  /** {@link InvoiceEvent}, keyed {@code tenantId:invoiceId}. */
  public static final String INVOICES = "billing.invoices.v1";

  /**
   * {@link CredentialChanged}, keyed {@code <kind>:<id>}, compacted: the latest event of each
   * credential is its state. Created by apikey-service with compaction, so it is not in {@link
   * #ALL}; every gateway replica reads it from the beginning.
   */
  public static final String CREDENTIALS = "identity.credentials.v1";

  /** Every topic above but {@link #CREDENTIALS}, for creating them at start-up. */
  public static final List<String> ALL =
      List.of(CRM_DEALS, POS_SALES, SYNC_REQUESTS, INVOICE_COMMANDS, INVOICES);

  /**
   * The value schema of every topic above: services register them when they start, before they
   * report ready, so that no request ever waits on (or fails with) the registry.
   */
  public static final Map<String, Schema> VALUE_SCHEMAS =
      Map.of(
          CRM_DEALS, DealEvent.getClassSchema(),
          POS_SALES, SaleEvent.getClassSchema(),
          SYNC_REQUESTS, SyncRequest.getClassSchema(),
          INVOICE_COMMANDS, InvoiceCommand.getClassSchema(),
          INVOICES, InvoiceEvent.getClassSchema());

  private Topics() {}

  /**
   * The dead-letter topic of a topic: records that can never succeed, with the reason in headers.
   */
  public static String deadLetter(String topic) {
    return topic + ".dlt";
  }

  /** The key that keeps one tenant's one source object in order. */
  public static String sourceKey(String tenantId, Platform platform, String externalId) {
    return tenantId + ":" + platform.name().toLowerCase(java.util.Locale.ROOT) + ":" + externalId;
  }
}
