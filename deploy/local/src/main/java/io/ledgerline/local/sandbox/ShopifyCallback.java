package io.ledgerline.local.sandbox;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox's Shopify consent page: redirects back as Shopify does, with {@code code}, {@code
 * shop}, {@code state}, {@code timestamp}, {@code host} and the {@code hmac} over them (hex
 * HMAC-SHA256 of the sorted {@code name=value&...} with the app's client secret, which WireMock's
 * templates cannot compute). Runs inside the sandbox's WireMock process only.
 */
public final class ShopifyCallback implements ResponseTransformerV2 {

  @Override
  public String getName() {
    return "shopify-callback";
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    var parameters = serveEvent.getTransformerParameters();
    String shop = parameters.getString("shop", "ledgerline-demo.myshopify.com");
    Map<String, String> query = new TreeMap<>();
    query.put("code", parameters.getString("code", "sandbox-shopify-code"));
    query.put("shop", shop);
    query.put("state", request.queryParameter("state").firstValue());
    query.put("timestamp", Long.toString(System.currentTimeMillis() / 1000));
    query.put(
        "host",
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("admin.shopify.com/store/" + shop.replace(".myshopify.com", ""))
                    .getBytes(StandardCharsets.UTF_8)));
    String signed =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
    String secret =
        System.getenv().getOrDefault("SANDBOX_SHOPIFY_CLIENT_SECRET", "sandbox-shopify-secret");
    String location =
        request.queryParameter("redirect_uri").firstValue()
            + "?"
            + query.entrySet().stream()
                .map(
                    e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"))
            + "&hmac="
            + hmac(secret, signed);
    return Response.Builder.like(response)
        .but()
        .headers(
            new HttpHeaders(
                new HttpHeader("Location", location), new HttpHeader("Cache-Control", "no-store")))
        .build();
  }

  private static String hmac(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
