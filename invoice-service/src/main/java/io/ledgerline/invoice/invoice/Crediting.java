package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * The amount rules of credit notes (ADR 0006). Every credit is bound to invoice lines, so no line
 * and no invoice is ever credited beyond what it was worth:
 *
 * <ul>
 *   <li>A credited line: the amounts the platform states for it (net, or gross when the invoice's
 *       prices include tax, and its tax; a tax not stated follows the line's own tax-to-amount
 *       ratio); else, for the units left, exactly what is left of the line; else the line's amounts
 *       pro rata (round(net × q ÷ Q), round(tax × q ÷ Q)). What is credited of a line is capped at
 *       what is left of it.
 *   <li>Shipping: the invoice's shipping line, by the same rules.
 *   <li>An amount (the API's, or a platform's adjustment) is gross and is spread over what is left
 *       of the lines, in proportion, each share credited at its line's tax ratio; the last share
 *       takes what rounding left.
 *   <li>Full (a void): everything left of every line.
 * </ul>
 */
final class Crediting {

  private Crediting() {}

  private static final class Left {
    BigDecimal quantity;
    BigDecimal net;
    BigDecimal tax;

    Left(BigDecimal quantity, BigDecimal net, BigDecimal tax) {
      this.quantity = quantity;
      this.net = net;
      this.tax = tax;
    }

    BigDecimal gross() {
      return net.add(tax);
    }

    void take(BigDecimal q, BigDecimal n, BigDecimal t) {
      quantity = quantity.subtract(q);
      net = net.subtract(n);
      tax = tax.subtract(t);
    }
  }

  static CreditNote credit(
      Invoice invoice,
      UUID id,
      DocumentNumber number,
      CreditRequest request,
      List<CreditNote> previous,
      LocalDate issueDate) {
    Currency currency = invoice.currency();
    List<InvoiceLine> lines = invoice.lines();
    List<Left> left = new ArrayList<>();
    for (InvoiceLine line : lines) {
      left.add(new Left(line.quantity(), line.net(), line.tax()));
    }
    BigDecimal creditedBefore = BigDecimal.ZERO;
    for (CreditNote note : previous) {
      creditedBefore = creditedBefore.add(note.total());
      for (CreditNoteLine credited : note.lines()) {
        if (credited.invoiceLine() != null) {
          left.get(credited.invoiceLine() - 1)
              .take(credited.quantity(), credited.net(), credited.tax());
        }
      }
    }
    List<CreditNoteLine> out = new ArrayList<>();
    if (request.full()) {
      for (int i = 0; i < lines.size(); i++) {
        Left l = left.get(i);
        if (l.gross().signum() > 0) {
          out.add(line(lines.get(i), i, l.quantity.max(BigDecimal.ZERO), l.net, l.tax));
          l.take(l.quantity.max(BigDecimal.ZERO), l.net, l.tax);
        }
      }
    } else {
      for (CreditLineRequest wanted : request.lines()) {
        int i = match(invoice, wanted);
        out.add(creditLine(invoice, i, left.get(i), wanted));
      }
      if (request.shipping() != null) {
        int i = shippingLine(invoice);
        out.add(creditLine(invoice, i, left.get(i), request.shipping()));
      }
      BigDecimal amount =
          request.amount() == null ? BigDecimal.ZERO : round(request.amount(), currency);
      for (CreditLineRequest adjustment : request.adjustments()) {
        amount = amount.add(adjustmentGross(invoice, adjustment));
      }
      if (amount.signum() > 0) {
        out.addAll(spread(invoice, left, amount));
      }
    }
    BigDecimal zero = round(BigDecimal.ZERO, currency);
    BigDecimal subtotal = out.stream().map(CreditNoteLine::net).reduce(zero, BigDecimal::add);
    BigDecimal taxTotal = out.stream().map(CreditNoteLine::tax).reduce(zero, BigDecimal::add);
    BigDecimal total = out.stream().map(CreditNoteLine::gross).reduce(zero, BigDecimal::add);
    if (total.signum() <= 0) {
      throw new InvalidInvoice(
          "nothing left to credit on invoice " + invoice.number() + " for this request");
    }
    if (creditedBefore.add(total).compareTo(invoice.total()) > 0) {
      // Cannot happen with the line caps above; kept so that no bug can over-credit an invoice.
      throw new InvalidInvoice("the credit would exceed invoice " + invoice.number());
    }
    return new CreditNote(
        id,
        invoice.tenantId(),
        number,
        invoice.id(),
        currency,
        issueDate,
        request.issuedAt(),
        request.reason(),
        out,
        subtotal,
        taxTotal,
        total,
        request.creditId(),
        request.origin(),
        request.sourceEventId());
  }

  private static CreditNoteLine creditLine(
      Invoice invoice, int index, Left left, CreditLineRequest wanted) {
    InvoiceLine line = invoice.lines().get(index);
    Currency currency = invoice.currency();
    BigDecimal quantity =
        wanted.quantity() != null
            ? wanted.quantity()
            : wanted.amount() != null ? BigDecimal.ZERO : left.quantity.max(BigDecimal.ZERO);
    if (quantity.compareTo(left.quantity) > 0) {
      throw new InvalidInvoice(
          "only "
              + left.quantity.stripTrailingZeros().toPlainString()
              + " of line '"
              + line.description()
              + "' are left to credit");
    }
    BigDecimal net;
    BigDecimal tax;
    if (wanted.amount() != null) {
      BigDecimal stated = round(wanted.amount(), currency);
      if (invoice.taxesIncluded()) {
        tax =
            wanted.tax() != null
                ? round(wanted.tax(), currency)
                : ratio(stated, line.tax(), line.gross(), currency);
        net = stated.subtract(tax);
      } else {
        net = stated;
        tax =
            wanted.tax() != null
                ? round(wanted.tax(), currency)
                : ratio(stated, line.tax(), line.net(), currency);
      }
    } else if (quantity.compareTo(left.quantity) == 0) {
      net = left.net;
      tax = left.tax;
    } else {
      net = ratio(line.net(), quantity, line.quantity(), currency);
      tax = ratio(line.tax(), quantity, line.quantity(), currency);
    }
    net = net.min(left.net).max(zeroOf(net));
    tax = tax.min(left.tax).max(zeroOf(tax));
    if (net.signum() == 0 && tax.signum() == 0) {
      throw new InvalidInvoice("line '" + line.description() + "' is already fully credited");
    }
    left.take(quantity, net, tax);
    return line(line, index, quantity, net, tax);
  }

  /** A platform's adjustment as a gross amount on the invoice's basis. */
  private static BigDecimal adjustmentGross(Invoice invoice, CreditLineRequest adjustment) {
    Currency currency = invoice.currency();
    BigDecimal amount =
        adjustment.amount() == null ? BigDecimal.ZERO : round(adjustment.amount(), currency);
    if (invoice.taxesIncluded() || adjustment.tax() == null) {
      return amount;
    }
    return amount.add(round(adjustment.tax(), currency));
  }

  /** A gross amount spread over what is left of the lines, in proportion to it. */
  private static List<CreditNoteLine> spread(Invoice invoice, List<Left> left, BigDecimal amount) {
    Currency currency = invoice.currency();
    BigDecimal available = left.stream().map(Left::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (amount.compareTo(available) > 0) {
      throw new InvalidInvoice(
          "a credit of "
              + amount.toPlainString()
              + " exceeds the "
              + round(available, currency).toPlainString()
              + " left to credit on invoice "
              + invoice.number());
    }
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      if (left.get(i).gross().signum() > 0) {
        open.add(i);
      }
    }
    List<CreditNoteLine> out = new ArrayList<>();
    BigDecimal spreadSoFar = BigDecimal.ZERO;
    for (int k = 0; k < open.size(); k++) {
      int i = open.get(k);
      Left l = left.get(i);
      BigDecimal share =
          k == open.size() - 1
              ? amount.subtract(spreadSoFar)
              : ratio(amount, l.gross(), available, currency).min(l.gross());
      spreadSoFar = spreadSoFar.add(share);
      if (share.signum() <= 0) {
        continue;
      }
      if (share.compareTo(l.gross()) > 0) {
        throw new InvalidInvoice("the credit cannot be spread over the invoice's lines");
      }
      BigDecimal tax = ratio(share, l.tax, l.gross(), currency).min(l.tax);
      BigDecimal net = share.subtract(tax);
      if (net.compareTo(l.net) > 0) {
        net = l.net;
        tax = share.subtract(net);
      }
      l.take(BigDecimal.ZERO, net, tax);
      out.add(line(invoice.lines().get(i), i, BigDecimal.ZERO, net, tax));
    }
    return out;
  }

  private static int match(Invoice invoice, CreditLineRequest wanted) {
    List<InvoiceLine> lines = invoice.lines();
    if (wanted.position() != null) {
      int i = wanted.position() - 1;
      if (i < 0 || i >= lines.size()) {
        throw new InvalidInvoice(
            "invoice " + invoice.number() + " has no line " + wanted.position());
      }
      return i;
    }
    if (wanted.lineRef() != null) {
      for (int i = 0; i < lines.size(); i++) {
        if (wanted.lineRef().equals(lines.get(i).externalId())) {
          return i;
        }
      }
    }
    Integer bySku = unique(lines, l -> wanted.sku() != null && wanted.sku().equals(l.sku()));
    if (bySku != null) {
      return bySku;
    }
    Integer byName =
        unique(
            lines,
            l -> wanted.description() != null && wanted.description().equals(l.description()));
    if (byName != null) {
      return byName;
    }
    throw new InvalidInvoice(
        "the credited line "
            + (wanted.lineRef() != null ? wanted.lineRef() : wanted.description())
            + " is not on invoice "
            + invoice.number());
  }

  private static Integer unique(
      List<InvoiceLine> lines, java.util.function.Predicate<InvoiceLine> test) {
    Integer found = null;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).shipping() && test.test(lines.get(i))) {
        if (found != null) {
          return null;
        }
        found = i;
      }
    }
    return found;
  }

  private static int shippingLine(Invoice invoice) {
    for (int i = 0; i < invoice.lines().size(); i++) {
      if (invoice.lines().get(i).shipping()) {
        return i;
      }
    }
    throw new InvalidInvoice("invoice " + invoice.number() + " has no shipping to credit");
  }

  private static CreditNoteLine line(
      InvoiceLine line, int index, BigDecimal quantity, BigDecimal net, BigDecimal tax) {
    return new CreditNoteLine(
        index + 1,
        line.description(),
        line.sku(),
        quantity,
        line.taxRate(),
        line.taxCategory(),
        line.taxExemptionReason(),
        net,
        tax,
        net.add(tax));
  }

  /** round(value × part ÷ whole), 0 when the whole is 0. */
  private static BigDecimal ratio(
      BigDecimal value, BigDecimal part, BigDecimal whole, Currency currency) {
    if (whole.signum() == 0) {
      return round(BigDecimal.ZERO, currency);
    }
    return value
        .multiply(part)
        .divide(whole, Amounts.fractionDigits(currency), RoundingMode.HALF_UP);
  }

  private static BigDecimal round(BigDecimal amount, Currency currency) {
    return Amounts.round(amount, currency);
  }

  private static BigDecimal zeroOf(BigDecimal like) {
    return like.subtract(like);
  }
}
