package io.ledgerline.platforms.api;

/**
 * The connection cannot call the platform until a person acts: its grant was refused ({@code
 * invalid_grant}, needs re-authorization) or the connection is gone.
 */
public final class ConnectionUnusable extends RuntimeException {

  private final boolean reauthorizable;

  public ConnectionUnusable(String message, boolean reauthorizable) {
    super(message);
    this.reauthorizable = reauthorizable;
  }

  /** True: re-authorizing makes it usable again (park work); false: it is gone (dead-letter). */
  public boolean reauthorizable() {
    return reauthorizable;
  }
}
