/**
 * The platform contract ({@link io.ledgerline.platforms.Platform}) and its registry ({@link
 * io.ledgerline.platforms.Platforms}). One sub-package per platform holds everything Ledgerline
 * knows about it; the neutral sub-packages ({@code webhook}, {@code normalization}, {@code
 * connection}) hold the building blocks they share. Plain Java: no Spring.
 */
package io.ledgerline.platforms;
