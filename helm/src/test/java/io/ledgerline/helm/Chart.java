package io.ledgerline.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** helm/ledgerline rendered by the real Helm (helm-java), as YAML documents. */
final class Chart {

  static final Path DIRECTORY = Path.of("ledgerline").toAbsolutePath();
  static final String RELEASE = "ledgerline";

  private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

  private Chart() {}

  static Helm helm() {
    return new Helm(DIRECTORY);
  }

  /** The chart with its default values. */
  static Rendered defaults() {
    return CACHE.computeIfAbsent("defaults", key -> written(key, render(null, Map.of())));
  }

  /** The chart with values-production.yaml (Strimzi, CloudNativePG). */
  static Rendered production() {
    return CACHE.computeIfAbsent(
        "production",
        key -> written(key, render(DIRECTORY.resolve("values-production.yaml"), Map.of())));
  }

  /** Kept in target/rendered/ for a person to read. */
  private static Rendered written(String name, Rendered rendered) {
    try {
      Path file = Path.of("target", "rendered", name + ".yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, rendered.text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rendered;
  }

  /** The chart with values-production.yaml and {@code --set} overrides. */
  static Rendered render(Path valuesFile, Map<String, Object> sets) {
    TemplateCommand template = helm().template().withName(RELEASE).withNamespace("ledgerline");
    if (valuesFile != null) {
      template.withValuesFile(valuesFile);
    }
    sets.forEach(template::set);
    return new Rendered(template.call());
  }

  /** The rendered manifests: the text and its documents. */
  record Rendered(String text, List<Map<String, Object>> documents) {

    Rendered(String text) {
      this(text, parse(text));
    }

    private static List<Map<String, Object>> parse(String text) {
      List<Map<String, Object>> documents = new ArrayList<>();
      for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
        if (document instanceof Map<?, ?> map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> manifest = (Map<String, Object>) map;
          documents.add(manifest);
        }
      }
      return documents;
    }

    List<Map<String, Object>> ofKind(String kind) {
      return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Map<String, Object> named(String kind, String name) {
      return ofKind(kind).stream()
          .filter(d -> name.equals(Yamls.string(d, "metadata.name")))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    List<String> kinds() {
      return documents.stream().map(d -> Objects.toString(d.get("kind"))).toList();
    }
  }
}
