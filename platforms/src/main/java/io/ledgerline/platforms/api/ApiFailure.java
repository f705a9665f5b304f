package io.ledgerline.platforms.api;

/**
 * The platform answered, but not as its API documents for the request (an unexpected status, a body
 * of another shape). Never holds a token or a body.
 */
public class ApiFailure extends RuntimeException {

  private final int status;

  public ApiFailure(int status, String message) {
    super(message + (status > 0 ? " (HTTP " + status + ")" : ""));
    this.status = status;
  }

  /** The HTTP status, 0 when the failure is not one of status. */
  public int status() {
    return status;
  }

  /** A non-2xx answer as a failure, or {@link ObjectGone} for 404 and 410. */
  public static RuntimeException of(ApiRequest request, ApiResponse response) {
    if (response.status() == 404 || response.status() == 410) {
      return new ObjectGone(request.method() + " " + request.path() + " is gone");
    }
    return new ApiFailure(response.status(), request.method() + " " + request.path() + " failed");
  }

  /** The response when it is a success, else the failure it is. */
  public static ApiResponse require(ApiRequest request, ApiResponse response) {
    if (!response.ok()) {
      throw of(request, response);
    }
    return response;
  }
}
