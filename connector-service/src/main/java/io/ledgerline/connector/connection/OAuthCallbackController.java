package io.ledgerline.connector.connection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Where the platform sends the tenant's browser back ({@code redirect_uri}): public, routed by the
 * gateway ({@code /oauth/**}), authenticated by the state alone. Success is a small page for the
 * person in the browser; a refusal is a 400 problem detail saying why.
 */
@RestController
class OAuthCallbackController {

  private final CompleteAuthorization complete;

  OAuthCallbackController(CompleteAuthorization complete) {
    this.complete = complete;
  }

  @GetMapping("/oauth/{platform}/callback")
  ResponseEntity<String> callback(
      @PathVariable String platform, @RequestParam MultiValueMap<String, String> query) {
    Map<String, String> once = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (e.getValue().size() != 1) {
        throw ConnectionProblems.authorizationFailed(
            "the callback repeats the parameter " + HtmlUtils.htmlEscape(e.getKey()));
      }
      once.put(e.getKey(), e.getValue().get(0));
    }
    Connection c = complete.complete(platform, once);
    String account =
        c.account().name() == null
            ? c.account().id()
            : c.account().name() + " (" + c.account().id() + ")";
    String page =
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connected</title></head>
        <body><h1>%s is connected</h1><p>Connection <code>%s</code> (%s) is <strong>%s</strong>
        for account %s.</p><p>You can close this window.</p></body></html>
        """
            .formatted(
                HtmlUtils.htmlEscape(c.platform().displayName()),
                c.id(),
                HtmlUtils.htmlEscape(c.name()),
                c.status(),
                HtmlUtils.htmlEscape(account));
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
  }
}
