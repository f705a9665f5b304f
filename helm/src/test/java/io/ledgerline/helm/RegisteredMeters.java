package io.ledgerline.helm;

import io.ledgerline.platform.service.metrics.Meters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The platform's own meters as the code registers them today: every {@code Counter.builder}, {@code
 * Gauge.builder}, {@code MultiGauge.builder}, {@code Timer.builder} and {@code
 * registry.counter(...)} of a {@code ledgerline.*} name in the main sources of the repository (a
 * {@code Meters.X} constant or a literal), with the names Prometheus shows for it (Micrometer's
 * Prometheus naming: dots to underscores, the base unit appended, {@code _total} for counters,
 * {@code _seconds_count/_sum/_bucket/_max} for timers).
 */
final class RegisteredMeters {

  private static final Path ROOT = Chart.DIRECTORY.resolve("../..").normalize();
  private static final Pattern REGISTRATION =
      Pattern.compile(
          "\\b(Counter|Gauge|MultiGauge|Timer|DistributionSummary)\\.builder\\(\\s*(Meters\\.[A-Z_]+|\"ledgerline\\.[a-z.]+\")"
              + "|\\.(counter|gauge|timer)\\(\\s*(Meters\\.[A-Z_]+|\"ledgerline\\.[a-z.]+\")");
  private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\"([a-z]+)\"\\)");

  /** Micrometer name -> its kind (counter, gauge, timer, summary). */
  private static final Map<String, String> FOUND = scan();

  private RegisteredMeters() {}

  /** Micrometer names of the registered meters. */
  static Set<String> names() {
    return FOUND.keySet();
  }

  /** Every Prometheus series name the registered meters export. */
  static Set<String> prometheusNames() {
    Set<String> names = new TreeSet<>();
    FOUND.forEach(
        (name, kind) -> {
          String[] parts = kind.split(":", 2);
          String unit = parts.length > 1 ? parts[1] : "";
          String plain = name.replace('.', '_');
          String base = unit.isEmpty() || plain.endsWith("_" + unit) ? plain : plain + "_" + unit;
          switch (parts[0]) {
            case "counter" -> names.add(base + "_total");
            case "timer" ->
                Stream.of("_seconds_count", "_seconds_sum", "_seconds_bucket", "_seconds_max")
                    .forEach(suffix -> names.add(plain + suffix));
            case "summary" ->
                Stream.of("_count", "_sum", "_bucket", "_max")
                    .forEach(suffix -> names.add(base + suffix));
            default -> names.add(base);
          }
        });
    return names;
  }

  private static Map<String, String> scan() {
    Map<String, String> found = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file :
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
              .toList()) {
        String code = Files.readString(file);
        Matcher matcher = REGISTRATION.matcher(code);
        while (matcher.find()) {
          String type = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
          String reference = matcher.group(2) != null ? matcher.group(2) : matcher.group(4);
          String kind =
              switch (type.toLowerCase()) {
                case "counter" -> "counter";
                case "timer" -> "timer";
                case "distributionsummary" -> "summary";
                default -> "gauge";
              };
          // The builder chain up to its register(...): its base unit, if any.
          int end = code.indexOf(".register(", matcher.end());
          String chain = code.substring(matcher.end(), end < 0 ? matcher.end() : end);
          Matcher unit = BASE_UNIT.matcher(chain);
          if (unit.find()) {
            kind = kind + ":" + unit.group(1);
          }
          found.put(resolve(reference, file), kind);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static String resolve(String reference, Path file) {
    if (reference.startsWith("\"")) {
      return reference.substring(1, reference.length() - 1);
    }
    try {
      return (String) Meters.class.getField(reference.substring("Meters.".length())).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(file + " names " + reference + ", which Meters does not have", e);
    }
  }
}
