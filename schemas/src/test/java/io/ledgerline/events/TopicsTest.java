package io.ledgerline.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void everyTopicNamesTheSchemaItsValuesHave() {
    assertThat(Topics.VALUE_SCHEMAS).containsOnlyKeys(Topics.ALL);
    assertThat(Topics.VALUE_SCHEMAS.get(Topics.POS_SALES)).isEqualTo(SaleEvent.getClassSchema());
  }
}
