package io.ledgerline.platform.service.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.security.EndpointScopes;
import io.ledgerline.platform.service.tenant.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The auto-configured security, tenant resolution and problem details of a servlet service. */
@SpringBootTest(
    classes = ServletSupportTest.App.class,
    properties = {
      "ledgerline.kafka.enabled=false",
      "ledgerline.security.public-paths=/webhooks/**"
    })
@AutoConfigureMockMvc
class ServletSupportTest {

  @Autowired MockMvc mvc;

  @Test
  void refusesARequestWithoutTokenWithAnUnauthorizedProblem() throws Exception {
    mvc.perform(get("/api/v1/tenant"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/unauthorized"));
  }

  @Test
  void refusesAnInvalidTokenWithAnUnauthorizedProblem() throws Exception {
    mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer not-a-jwt"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/unauthorized"));
  }

  @Test
  void givesTheControllerTheTenantOfTheJwt() throws Exception {
    mvc.perform(get("/api/v1/tenant").with(jwt().jwt(j -> j.claim("tenant_id", "acme"))))
        .andExpect(status().isOk())
        .andExpect(content().string("acme"));
  }

  @Test
  void neverTakesTheTenantFromAHeader() throws Exception {
    mvc.perform(get("/api/v1/tenant").header("X-Tenant-Id", "acme").with(jwt()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/forbidden"));
  }

  @Test
  void letsOnlyTheInternalScopeIntoInternalPaths() throws Exception {
    mvc.perform(get("/internal/ping").with(jwt().authorities(() -> "SCOPE_invoices:read")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/forbidden"));
    mvc.perform(get("/internal/ping").with(jwt().authorities(() -> "SCOPE_internal")))
        .andExpect(status().isOk());
  }

  @Test
  void appliesTheServicesEndpointScopes() throws Exception {
    mvc.perform(get("/api/v1/reports").with(jwt().authorities(() -> "SCOPE_invoices:read")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/forbidden"));
    mvc.perform(get("/api/v1/reports").with(jwt().authorities(() -> "SCOPE_reports:read")))
        .andExpect(status().isOk())
        .andExpect(content().string("report"));
  }

  @Test
  void opensTheConfiguredPublicPathsWithoutToken() throws Exception {
    mvc.perform(get("/webhooks/shopify")).andExpect(status().isOk());
  }

  @Test
  void rendersAProblemExceptionWithItsStatusAndType() throws Exception {
    mvc.perform(get("/api/v1/missing").with(jwt()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/connection-not-found"))
        .andExpect(jsonPath("$.title").value("Connection not found"))
        .andExpect(jsonPath("$.detail").value("No connection c-1"));
  }

  @Test
  void rendersInvalidFieldsAsAnInvalidRequestProblem() throws Exception {
    mvc.perform(
            post("/api/v1/things")
                .with(jwt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/invalid-request"))
        .andExpect(jsonPath("$.errors.name").exists());
  }

  @Test
  void rendersAnUnreadableBodyAsAMalformedBodyProblem() throws Exception {
    mvc.perform(
            post("/api/v1/things")
                .with(jwt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/malformed-body"));
  }

  @Test
  void givesSpringMvcErrorsAProblemTypeOfOurs() throws Exception {
    mvc.perform(post("/api/v1/tenant").with(jwt()))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/method-not-allowed"));
  }

  @Test
  void answersADatabaseThatIsDownWith503AndRetryAfterNotWith500() throws Exception {
    mvc.perform(get("/api/v1/database-down").with(jwt()))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/service-unavailable"))
        .andExpect(jsonPath("$.detail").value(not(containsString("Hikari"))));
  }

  @Test
  void givesA503ProblemExceptionARetryAfter() throws Exception {
    mvc.perform(get("/api/v1/peer-down").with(jwt()))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"));
  }

  @Test
  void stillAnswersABugWith500() throws Exception {
    mvc.perform(get("/api/v1/bug").with(jwt()))
        .andExpect(status().isInternalServerError())
        .andExpect(header().doesNotExist("Retry-After"))
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/internal-error"));
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    /**
     * Tokens in these tests come from spring-security-test's jwt(); a real one is never decoded.
     */
    @Bean
    JwtDecoder jwtDecoder() {
      return token -> {
        throw new BadJwtException("not a JWT");
      };
    }

    @Bean
    Endpoints endpoints() {
      return new Endpoints();
    }

    @Bean
    EndpointScopes reportScopes() {
      return requests ->
          requests.requestMatchers("/api/v1/reports").hasAuthority("SCOPE_reports:read");
    }
  }

  record Thing(@NotBlank String name) {}

  @RestController
  static class Endpoints {

    @GetMapping("/api/v1/tenant")
    String tenant(TenantId tenant) {
      return tenant.value();
    }

    @GetMapping("/api/v1/reports")
    String report() {
      return "report";
    }

    @GetMapping("/internal/ping")
    String ping() {
      return "pong";
    }

    @GetMapping("/webhooks/shopify")
    String webhook() {
      return "ok";
    }

    @GetMapping("/api/v1/missing")
    String missing() {
      throw new ProblemException(
          HttpStatus.NOT_FOUND,
          "connection-not-found",
          "Connection not found",
          "No connection c-1");
    }

    @GetMapping("/api/v1/database-down")
    String databaseDown() {
      throw new CannotCreateTransactionException(
          "Could not open JDBC Connection for transaction",
          new SQLTransientConnectionException(
              "HikariPool-1 - Connection is not available, request timed out after 5000ms."));
    }

    @GetMapping("/api/v1/peer-down")
    String peerDown() {
      throw new ProblemException(
          HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", "retry");
    }

    @GetMapping("/api/v1/bug")
    String bug() {
      throw new IllegalStateException("a bug");
    }

    @PostMapping("/api/v1/things")
    String create(@Valid @RequestBody Thing thing) {
      return thing.name();
    }
  }
}
