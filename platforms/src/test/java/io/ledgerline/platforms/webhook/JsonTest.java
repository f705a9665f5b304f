package io.ledgerline.platforms.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void readsObjectsArraysStringsNumbersAndLiterals() throws MalformedInput {
    Object value =
        Json.parse(
            "{\"a\":[1,-2.5e3,true,false,null],\"b\":\"x\\u00e9\\n\\\"\",\"id\":1000000068001}");

    assertThat(value).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) value;
    assertThat((List<Object>) object.get("a"))
        .containsExactly(
            new Json.JsonNumber("1"), new Json.JsonNumber("-2.5e3"), true, false, Json.NULL);
    assertThat(object.get("b")).isEqualTo("xé\n\"");
    assertThat(Json.text(object, "id")).isEqualTo("1000000068001");
  }

  @Test
  void rejectsWhatRfc8259Rejects() {
    for (String bad :
        List.of(
            "",
            "{",
            "{\"a\":1,}",
            "[1 2]",
            "01",
            "1.",
            "\"\t\"",
            "\"\\x\"",
            "tru",
            "{} {}",
            "{'a':1}")) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(MalformedInput.class);
    }
  }

  @Test
  void refusesDeepNestingInsteadOfOverflowingTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(MalformedInput.class);
  }
}
