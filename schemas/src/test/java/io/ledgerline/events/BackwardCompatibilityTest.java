package io.ledgerline.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Consumers must be able to read every event that was already written. Each published contract is
 * checked against its last published version in {@code src/test/resources/published}.
 */
class BackwardCompatibilityTest {

  private static final List<String> COMMON =
      List.of("Address", "Money", "Party", "Platform", "LineItem", "SaleTotals", "SourceRef");

  /** Every top-level contract, as the generated classes publish it to the registry. */
  private static final Map<String, Schema> CURRENT =
      Map.of(
          "DealEvent", DealEvent.getClassSchema(),
          "SaleEvent", SaleEvent.getClassSchema(),
          "SyncRequest", SyncRequest.getClassSchema(),
          "InvoiceCommand", InvoiceCommand.getClassSchema(),
          "InvoiceEvent", InvoiceEvent.getClassSchema(),
          "CredentialChanged", CredentialChanged.getClassSchema());

  @Test
  void everyContractCanReadWhatItsPublishedVersionWrote() throws IOException {
    Map<String, Schema> published = publishedSchemas();

    Map<String, String> incompatible =
        CURRENT.entrySet().stream()
            .filter(e -> published.containsKey(e.getKey()))
            .filter(
                e ->
                    SchemaCompatibility.checkReaderWriterCompatibility(
                                e.getValue(), published.get(e.getKey()))
                            .getType()
                        != SchemaCompatibilityType.COMPATIBLE)
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        SchemaCompatibility.checkReaderWriterCompatibility(
                                e.getValue(), published.get(e.getKey()))
                            .getResult()
                            .getIncompatibilities()
                            .toString()));

    assertThat(incompatible).as("contracts that break their published version").isEmpty();
  }

  @Test
  void everyPublishedContractStillExists() throws IOException {
    assertThat(CURRENT.keySet()).containsAll(publishedSchemas().keySet());
  }

  @Test
  void detectsARequiredFieldAddedWithoutDefault() throws IOException {
    Schema published = publishedSchemas().get("SaleEvent");
    String broken =
        SaleEvent.getClassSchema()
            .toString()
            .replace(
                "\"fields\":[{\"name\":\"eventId\"",
                "\"fields\":[{\"name\":\"mandatoryNewField\",\"type\":\"string\"},{\"name\":\"eventId\"");
    Schema reader = new Schema.Parser().parse(broken);

    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(reader, published).getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  private static Map<String, Schema> publishedSchemas() throws IOException {
    Schema.Parser parser = new Schema.Parser();
    for (String name : COMMON) {
      parser.parse(read("published/common/" + name + ".avsc"));
    }
    return CURRENT.keySet().stream()
        .filter(name -> resource("published/" + name + ".avsc") != null)
        .collect(
            Collectors.toMap(
                name -> name, name -> parseQuietly(parser, "published/" + name + ".avsc")));
  }

  private static Schema parseQuietly(Schema.Parser parser, String path) {
    try {
      return parser.parse(read(path));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream resource(String path) {
    return BackwardCompatibilityTest.class.getClassLoader().getResourceAsStream(path);
  }

  private static String read(String path) throws IOException {
    try (InputStream in = resource(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
