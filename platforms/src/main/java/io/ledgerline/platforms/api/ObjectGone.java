package io.ledgerline.platforms.api;

/** The object a request named does not exist (any more): a fetch of it can never succeed. */
public final class ObjectGone extends ApiFailure {

  public ObjectGone(String message) {
    super(404, message);
  }
}
