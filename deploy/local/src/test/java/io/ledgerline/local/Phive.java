package io.ledgerline.local;

import com.helger.commons.error.IError;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.xml.serialize.read.DOMReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;

/**
 * phive's official EN 16931 UBL rules (schematron 1.3.12) run against what a tenant downloads: the
 * errors they report, none expected. The same artefacts invoice-service's tests use.
 */
final class Phive {

  static final DVRCoordinate INVOICE = EN16931Validation.VID_UBL_INVOICE_1312;
  static final DVRCoordinate CREDIT_NOTE = EN16931Validation.VID_UBL_CREDIT_NOTE_1312;

  private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY =
      new ValidationExecutorSetRegistry<>();

  static {
    EN16931Validation.initEN16931(REGISTRY);
  }

  private Phive() {}

  static List<String> en16931Errors(DVRCoordinate rules, byte[] xml) {
    IValidationExecutorSet<IValidationSourceXML> set = REGISTRY.getOfID(rules);
    Document document = DOMReader.readXMLDOM(xml);
    if (set == null || document == null) {
      throw new IllegalStateException(set == null ? "no phive rules " + rules : "not XML");
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
            errors.add(e.getErrorID() + " " + e.getErrorText(Locale.ENGLISH));
          }
        });
    if (results.stream().anyMatch(r -> r.isSkipped())) {
      errors.add("a validation step was skipped");
    }
    return errors;
  }
}
