package io.ledgerline.invoice.invoice;

/** A postal address as the source gave it; {@code country} is ISO 3166-1 alpha-2. */
public record PostalAddress(
    String line1, String line2, String city, String region, String postalCode, String country) {}
