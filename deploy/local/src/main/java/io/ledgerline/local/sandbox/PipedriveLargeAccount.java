package io.ledgerline.local.sandbox;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sandbox's large Pipedrive account (the one connected with {@code sandbox_account=large} on
 * the consent page): {@value #DEALS} deals, every second one won, served by Pipedrive's v2 list
 * endpoints as the documented shapes, {@value #PAGE} deals a page (Pipedrive may answer fewer than
 * {@code limit}) with {@code additional_data.next_cursor}, filtered by {@code updated_since}; the
 * won deals' products ({@code /deals/products?deal_ids=}), persons and organizations ({@code
 * ?ids=}) by batch. Deal {@code n} (1 to {@value #DEALS}) is {@code 880000 + n}, updated at
 * 2026-10-02T00:00:00Z plus {@code n} minutes, worth {@code n}.00 EUR as one product line. Large
 * enough that a sync of it is mid-way for seconds (the deals list mapping answers slowly), for the
 * kill -9 drill. Runs inside the sandbox's WireMock process only.
 */
public final class PipedriveLargeAccount implements ResponseTransformerV2 {

  static final int DEALS = 600;
  static final int PAGE = 40;
  static final long FIRST_ID = 880_000;
  static final Instant FIRST_UPDATE = Instant.parse("2026-10-02T00:00:00Z");
  private static final int PEOPLE = 25;

  @Override
  public String getName() {
    return "pipedrive-large-account";
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    String path = URI.create(request.getUrl()).getPath();
    String body;
    if (path.endsWith("/api/v2/deals")) {
      body = deals(request);
    } else if (path.endsWith("/api/v2/deals/products")) {
      body = products(ids(request, "deal_ids"));
    } else if (path.endsWith("/api/v2/persons")) {
      body = persons(ids(request, "ids"));
    } else if (path.endsWith("/api/v2/organizations")) {
      body = organizations(ids(request, "ids"));
    } else {
      return Response.Builder.like(response)
          .but()
          .status(404)
          .body("{\"success\":false,\"error\":\"not found\"}")
          .build();
    }
    return Response.Builder.like(response)
        .but()
        .status(200)
        .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json")))
        .body(body)
        .build();
  }

  /** The deals updated after {@code updated_since}, oldest first, a page from the cursor on. */
  private static String deals(Request request) {
    Instant since = Instant.parse(query(request, "updated_since", "1970-01-01T00:00:00Z"));
    int first = 1;
    while (first <= DEALS && !updatedAt(first).isAfter(since)) {
      first++;
    }
    int from = Math.max(first, Integer.parseInt(query(request, "cursor", "0")) + 1);
    int to = Math.min(DEALS, from + PAGE - 1);
    List<String> data = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      boolean won = n % 2 == 0;
      data.add(
          String.format(
              "{\"id\":%d,\"title\":\"Large account deal %d\",\"value\":%d,\"currency\":\"EUR\","
                  + "\"status\":\"%s\",\"stage_id\":%d,\"person_id\":%d,\"org_id\":%d,"
                  + "\"update_time\":\"%s\",\"won_time\":%s,\"close_time\":%s,"
                  + "\"custom_fields\":{}}",
              FIRST_ID + n,
              n,
              n,
              won ? "won" : "open",
              won ? 5 : 3,
              person(n),
              org(n),
              updatedAt(n),
              won ? "\"" + updatedAt(n) + "\"" : "null",
              won ? "\"" + updatedAt(n) + "\"" : "null"));
    }
    String next = to < DEALS && from <= to ? "\"" + to + "\"" : "null";
    return "{\"success\":true,\"data\":["
        + String.join(",", data)
        + "],\"additional_data\":{\"next_cursor\":"
        + next
        + "}}";
  }

  private static String products(List<Long> dealIds) {
    List<String> data = new ArrayList<>();
    for (long id : dealIds) {
      long n = id - FIRST_ID;
      data.add(
          String.format(
              "{\"id\":%d,\"deal_id\":%d,\"product_id\":77,\"name\":\"Consulting hour\","
                  + "\"item_price\":%d,\"quantity\":1,\"discount\":0,"
                  + "\"discount_type\":\"percentage\",\"tax\":0,\"tax_method\":\"none\","
                  + "\"sum\":%d,\"currency\":\"EUR\",\"is_enabled\":true}",
              id + 1_000_000, id, n, n));
    }
    return list(data);
  }

  private static String persons(List<Long> ids) {
    List<String> data = new ArrayList<>();
    for (long id : ids) {
      data.add(
          String.format(
              "{\"id\":%d,\"name\":\"Buyer %d\",\"first_name\":\"Buyer\",\"last_name\":\"%d\","
                  + "\"emails\":[{\"value\":\"buyer%d@large.example\",\"primary\":true}],"
                  + "\"phones\":[],\"custom_fields\":{}}",
              id, id, id, id));
    }
    return list(data);
  }

  private static String organizations(List<Long> ids) {
    List<String> data = new ArrayList<>();
    for (long id : ids) {
      data.add(
          String.format(
              "{\"id\":%d,\"name\":\"Large Buyer %d Ltd\",\"address\":{\"locality\":\"Lagos\","
                  + "\"country\":\"NG\",\"route\":\"Marina\",\"street_number\":\"%d\"},"
                  + "\"custom_fields\":{}}",
              id, id, id));
    }
    return list(data);
  }

  private static String list(List<String> data) {
    return "{\"success\":true,\"data\":["
        + String.join(",", data)
        + "],\"additional_data\":{\"next_cursor\":null}}";
  }

  static Instant updatedAt(int n) {
    return FIRST_UPDATE.plusSeconds(60L * n);
  }

  private static long person(int n) {
    return 70_000 + n % PEOPLE;
  }

  private static long org(int n) {
    return 60_000 + n % PEOPLE;
  }

  private static String query(Request request, String name, String otherwise) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter.isPresent() && !parameter.firstValue().isBlank()
        ? parameter.firstValue()
        : otherwise;
  }

  private static List<Long> ids(Request request, String name) {
    String value = query(request, name, "");
    return value.isEmpty()
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).map(Long::parseLong).toList();
  }
}
