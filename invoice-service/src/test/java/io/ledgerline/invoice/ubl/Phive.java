package io.ledgerline.invoice.ubl;

import com.helger.commons.error.IError;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2024_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.xml.serialize.read.DOMReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;

/**
 * phive's validation artefacts (the official EN 16931 UBL schematron 1.3.12 and the Peppol BIS
 * Billing 3.0 rules of May 2024) run against exported documents: the errors they report, none
 * expected. Loaded once per JVM (compiling the XSLTs takes seconds).
 */
final class Phive {

  private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY =
      new ValidationExecutorSetRegistry<>();

  static {
    EN16931Validation.initEN16931(REGISTRY);
    PeppolValidation.initStandard(REGISTRY);
  }

  private Phive() {}

  static List<String> en16931InvoiceErrors(byte[] xml) {
    return errors(EN16931Validation.VID_UBL_INVOICE_1312, xml);
  }

  static List<String> en16931CreditNoteErrors(byte[] xml) {
    return errors(EN16931Validation.VID_UBL_CREDIT_NOTE_1312, xml);
  }

  static List<String> peppolInvoiceErrors(byte[] xml) {
    return errors(PeppolValidation2024_05.VID_OPENPEPPOL_INVOICE_UBL_V3, xml);
  }

  static List<String> peppolCreditNoteErrors(byte[] xml) {
    return errors(PeppolValidation2024_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3, xml);
  }

  private static List<String> errors(DVRCoordinate id, byte[] xml) {
    IValidationExecutorSet<IValidationSourceXML> set = REGISTRY.getOfID(id);
    if (set == null) {
      throw new IllegalStateException("no phive rules " + id);
    }
    Document document = DOMReader.readXMLDOM(xml);
    if (document == null) {
      throw new IllegalStateException("not XML");
    }
    ValidationResultList results =
        ValidationExecutionManager.executeValidation(
            IValidityDeterminator.createDefault(),
            set,
            ValidationSourceXML.create("document.xml", document),
            Locale.ENGLISH);
    List<String> errors = new ArrayList<>();
    results.forEachFlattened(
        (IError e) -> {
          if (e.isError()) {
            errors.add(
                e.getErrorID()
                    + " "
                    + e.getErrorText(Locale.ENGLISH)
                    + " @ "
                    + e.getErrorFieldName());
          }
        });
    // An executor that could not run (a missing artefact) leaves no error but a skipped result.
    if (results.stream().anyMatch(r -> r.isSkipped())) {
      errors.add("a validation step was skipped");
    }
    return errors;
  }
}
