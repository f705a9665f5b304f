package io.ledgerline.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** values.schema.json leaves no way to put a secret itself into values. */
class ValuesSchemaTest {

  @Test
  void refusesASecretGivenAsAValue() {
    assertThatThrownBy(
            () ->
                Chart.render(
                    null, Map.of("secrets.connectorKek.value", "c2VjcmV0IGtleSBtYXRlcmlhbA==")))
        .hasMessageContaining("values don't meet the specifications of the schema");
  }

  @Test
  void refusesAPasswordAsAPlainExtraEnvironmentVariable() {
    assertThatThrownBy(
            () ->
                Chart.render(
                    null,
                    Map.of(
                        "services.invoice.extraEnv[0].name", "FIRS_API_PASSWORD",
                        "services.invoice.extraEnv[0].value", "hunter2")))
        .hasMessageContaining("schema");
  }

  @Test
  void refusesAnUnknownSettingInsteadOfIgnoringIt() {
    assertThatThrownBy(() -> Chart.render(null, Map.of("kafka.replicationFactor", 3)))
        .hasMessageContaining("schema");
  }

  @Test
  void refusesAPlainTextKafkaPasswordStructure() {
    assertThatThrownBy(() -> Chart.render(null, Map.of("kafka.sasl.password", "hunter2")))
        .hasMessageContaining("schema");
  }
}
