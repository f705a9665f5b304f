package io.ledgerline.invoice.firs;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A FIRS Invoice Reference Number: {@code <invoice number, alphanumerics only>-<service
 * id>-<YYYYMMDD>} (FIRS "Generate IRN"; the entity's IRN template {@code
 * {{invoice_id}}-59854B81-{{YYYYMMDD}}}). {@code INV-000042} issued on 20 Nov 2026 by service
 * {@code 94ND90NR} is {@code INV000042-94ND90NR-20261120}. The date is the document's issue date
 * (FIRS does not say whether it must be; see ADR 0015).
 */
public record Irn(String value) {

  private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Za-z0-9]");
  private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9]{1,16}");
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9]+-[A-Za-z0-9]{1,16}-\\d{8}");
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  public Irn {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("not an IRN: " + value);
    }
  }

  public static Irn of(String documentNumber, String serviceId, LocalDate issueDate) {
    String number = NOT_ALNUM.matcher(documentNumber).replaceAll("");
    if (number.isEmpty()) {
      throw new IllegalArgumentException("a document number without letters or digits");
    }
    if (serviceId == null || !SERVICE_ID.matcher(serviceId).matches()) {
      throw new IllegalArgumentException("a FIRS service id is 1 to 16 letters or digits");
    }
    return new Irn(number + "-" + serviceId + "-" + DATE.format(issueDate));
  }

  @Override
  public String toString() {
    return value;
  }
}
