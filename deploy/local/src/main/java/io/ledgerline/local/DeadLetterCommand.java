package io.ledgerline.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code deploy/local/platform dead-letters ...}: an operator's view of every service's dead
 * letters (their {@code /admin/dead-letters} API, with an operator token), and reprocessing after a
 * fix.
 *
 * <pre>
 * dead-letters list [--service S] [--status PARKED|REPROCESSED] [--tenant T] [--topic T] [--limit N]
 * dead-letters show ID [--service S]
 * dead-letters reprocess (--id ID [--id ID]... | --from INSTANT [--to INSTANT] | --to INSTANT | --all)
 *                        [--topic T] [--service S]
 * </pre>
 */
public final class DeadLetterCommand {

  private final JsonHttp http = new JsonHttp();
  private final Map<String, String> owners;
  private final String token;

  private DeadLetterCommand(Map<String, String> owners, String token) {
    this.owners = owners;
    this.token = token;
  }

  public static void main(String[] args) throws Exception {
    Path run = Path.of(args[0]);
    List<String> rest = List.of(args).subList(1, args.length);
    if (!Files.exists(run.resolve("platform.json"))) {
      System.err.println("Ledgerline is not running ('deploy/local/platform up' first).");
      System.exit(1);
    }
    JsonNode facts = JsonHttp.JSON.readTree(run.resolve("platform.json").toFile());
    Map<String, String> services = new LinkedHashMap<>();
    facts
        .get("serviceUrls")
        .properties()
        .forEach(e -> services.put(e.getKey(), e.getValue().asString()));
    Secrets secrets = Secrets.loadOrCreate(run.resolve("secrets.properties"));
    String token = new JsonHttp().adminToken(services.get("apikey-service"), secrets);
    String only = option(rest, "--service");
    Map<String, String> owners = new LinkedHashMap<>();
    services.forEach(
        (name, url) -> {
          if (!name.equals("gateway-service") && (only == null || only.equals(name))) {
            owners.put(name, url);
          }
        });
    int code = new DeadLetterCommand(owners, token).run(rest);
    System.exit(code);
  }

  private int run(List<String> args) throws IOException, InterruptedException {
    String verb = args.isEmpty() ? "list" : args.get(0);
    return switch (verb) {
      case "list" -> list(args);
      case "show" -> show(args);
      case "reprocess" -> reprocess(args);
      default -> {
        System.err.println("dead-letters list | show ID | reprocess ...");
        yield 2;
      }
    };
  }

  private int list(List<String> args) throws IOException, InterruptedException {
    StringBuilder query = new StringBuilder("?limit=" + orElse(option(args, "--limit"), "100"));
    param(query, "status", option(args, "--status"));
    param(query, "tenantId", option(args, "--tenant"));
    param(query, "topic", option(args, "--topic"));
    System.out.printf(
        "%-16s %-36s %-11s %-28s %-10s %-24s %s%n",
        "SERVICE", "ID", "STATUS", "TOPIC", "KIND", "DEAD-LETTERED", "REASON");
    int count = 0;
    for (Map.Entry<String, String> owner : owners.entrySet()) {
      JsonNode page = get(owner.getKey(), owner.getValue() + "/admin/dead-letters" + query);
      if (page == null) {
        continue; // this service keeps no dead letters
      }
      for (JsonNode d : page.get("items")) {
        count++;
        System.out.printf(
            "%-16s %-36s %-11s %-28s %-10s %-24s %s%n",
            owner.getKey(),
            d.get("id").asString(),
            d.get("status").asString(),
            d.get("originalTopic").asString(),
            d.path("kind").asString(""),
            d.get("deadLetteredAt").asString(),
            abbreviated(d.get("reason").asString(), 100));
      }
    }
    System.out.println(count + " dead letter(s)");
    return 0;
  }

  private int show(List<String> args) throws IOException, InterruptedException {
    if (args.size() < 2) {
      System.err.println("dead-letters show ID");
      return 2;
    }
    for (Map.Entry<String, String> owner : owners.entrySet()) {
      JsonNode letter =
          get(owner.getKey(), owner.getValue() + "/admin/dead-letters/" + args.get(1));
      if (letter != null) {
        System.out.println("service: " + owner.getKey());
        System.out.println(letter.toPrettyString());
        return 0;
      }
    }
    System.err.println("No dead letter " + args.get(1));
    return 1;
  }

  private int reprocess(List<String> args) throws IOException, InterruptedException {
    Map<String, Object> selection = new LinkedHashMap<>();
    List<String> ids = options(args, "--id");
    if (!ids.isEmpty()) {
      selection.put("ids", ids);
    }
    putIfPresent(selection, "from", option(args, "--from"));
    putIfPresent(selection, "to", option(args, "--to"));
    putIfPresent(selection, "topic", option(args, "--topic"));
    if (args.contains("--all")) {
      selection.put("all", true);
    }
    int total = 0;
    for (Map.Entry<String, String> owner : owners.entrySet()) {
      HttpResponse<String> response =
          http.exchange(
              HttpRequest.newBuilder(
                      URI.create(owner.getValue() + "/admin/dead-letters/reprocessing"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(JsonHttp.body(selection)));
      if (response.statusCode() == 404 || response.statusCode() == 403) {
        continue;
      }
      if (response.statusCode() != 200) {
        System.err.println(owner.getKey() + ": " + response.statusCode() + " " + response.body());
        return 1;
      }
      int reprocessed = JsonHttp.JSON.readTree(response.body()).get("reprocessed").asInt();
      total += reprocessed;
      System.out.println(owner.getKey() + ": reprocessed " + reprocessed);
    }
    System.out.println(total + " dead letter(s) sent again to their topics");
    return 0;
  }

  /**
   * The JSON answer, or null when the service has no such resource (404) or API (403), or cannot
   * answer now (503, said on stderr: its database may be down).
   */
  private JsonNode get(String service, String url) throws IOException, InterruptedException {
    HttpResponse<String> response;
    try {
      response =
          http.exchange(
              HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token));
    } catch (java.net.ConnectException e) {
      System.err.println(service + ": not running");
      return null;
    }
    if (response.statusCode() == 404 || response.statusCode() == 403) {
      return null;
    }
    if (response.statusCode() == 503) {
      System.err.println(service + ": unavailable right now (503), its dead letters not shown");
      return null;
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          url + " answered " + response.statusCode() + ": " + response.body());
    }
    return JsonHttp.JSON.readTree(response.body());
  }

  private static String option(List<String> args, String name) {
    List<String> values = options(args, name);
    return values.isEmpty() ? null : values.get(values.size() - 1);
  }

  private static List<String> options(List<String> args, String name) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.size() - 1; i++) {
      if (args.get(i).equals(name)) {
        values.add(args.get(i + 1));
      }
    }
    return values;
  }

  private static void param(StringBuilder query, String name, String value) {
    if (value != null) {
      query
          .append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private static void putIfPresent(Map<String, Object> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static String abbreviated(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
