package io.ledgerline.ingest.webhook;

import io.ledgerline.platform.service.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The problems a platform can get back, each with a stable type. Details never echo the body. */
final class WebhookProblems {

  private WebhookProblems() {}

  static ProblemException tooLarge(long limit) {
    return new ProblemException(
        HttpStatusCode.valueOf(413),
        "payload-too-large",
        "Payload too large",
        "The body exceeds " + limit + " bytes.");
  }

  static ProblemException unsupportedMediaType(String expected) {
    return new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        "Unsupported media type",
        "This platform's webhook bodies must be " + expected + ".");
  }

  static ProblemException unknownPlatform() {
    return new ProblemException(
        HttpStatus.NOT_FOUND,
        "platform-not-found",
        "Platform not found",
        "No webhook platform with this id.");
  }

  static ProblemException staleTimestamp() {
    return new ProblemException(
        HttpStatus.UNAUTHORIZED,
        "stale-timestamp",
        "Stale timestamp",
        "The signed timestamp is outside the accepted tolerance.");
  }

  static ProblemException invalidCredential() {
    return new ProblemException(
        HttpStatus.UNAUTHORIZED,
        "invalid-credential",
        "Invalid credential",
        "The webhook's credential does not match this connection.");
  }

  static ProblemException webhookNotFound() {
    return new ProblemException(
        HttpStatus.NOT_FOUND, "webhook-not-found", "Webhook not found", "No webhook with this id.");
  }

  static ProblemException invalidQuery(String detail) {
    return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query", detail);
  }

  static ProblemException unknownConnection() {
    return new ProblemException(
        HttpStatus.NOT_FOUND,
        "connection-not-found",
        "Connection not found",
        "No connection with this id.");
  }

  static ProblemException disabledConnection() {
    return new ProblemException(
        HttpStatus.GONE,
        "connection-disabled",
        "Connection disabled",
        "This connection no longer accepts webhooks.");
  }

  static ProblemException wrongPlatform() {
    return new ProblemException(
        HttpStatus.NOT_FOUND,
        "connection-not-found",
        "Connection not found",
        "No connection with this id for this platform.");
  }

  static ProblemException invalidSignature() {
    return new ProblemException(
        HttpStatus.UNAUTHORIZED,
        "invalid-signature",
        "Invalid signature",
        "The webhook signature does not match.");
  }

  static ProblemException invalidPayload(String detail) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "invalid-webhook-payload", "Invalid webhook payload", detail);
  }

  static ProblemException connectorUnavailable() {
    return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "Service unavailable",
        "The webhook cannot be verified right now; please retry.");
  }
}
