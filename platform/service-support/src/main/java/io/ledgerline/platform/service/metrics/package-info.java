/** The catalogue of the platform's own meters ({@code ledgerline.*}). */
@NullMarked
package io.ledgerline.platform.service.metrics;

import org.jspecify.annotations.NullMarked;
