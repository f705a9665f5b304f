package io.ledgerline.invoice.ubl;

import com.helger.ubl21.UBL21Marshaller;
import io.ledgerline.invoice.invoice.CreditNote;
import io.ledgerline.invoice.invoice.Invoice;

/**
 * UBL documents as XML bytes, written by ph-ubl's marshallers (which check the UBL 2.1 schema as
 * they write: a document that would not be schema-valid is an error, never a download).
 */
public final class UblXml {

  private UblXml() {}

  public static byte[] invoice(Invoice invoice) {
    byte[] xml =
        UBL21Marshaller.invoice().setFormattedOutput(true).getAsBytes(UblMapping.invoice(invoice));
    if (xml == null) {
      throw new IllegalStateException("UBL invoice " + invoice.number() + " is not schema-valid");
    }
    return xml;
  }

  public static byte[] creditNote(CreditNote note, Invoice invoice) {
    byte[] xml =
        UBL21Marshaller.creditNote()
            .setFormattedOutput(true)
            .getAsBytes(UblMapping.creditNote(note, invoice));
    if (xml == null) {
      throw new IllegalStateException("UBL credit note " + note.number() + " is not schema-valid");
    }
    return xml;
  }
}
