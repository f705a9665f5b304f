package io.ledgerline.platforms;

/** A platform was asked for a part it does not declare: a programming error, not bad input. */
public final class PartNotProvided extends UnsupportedOperationException {

  public PartNotProvided(Platform platform, Platform.Part part) {
    super(platform.id() + " does not provide " + part);
  }
}
