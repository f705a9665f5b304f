/** Background jobs of the platform's libraries. */
@NullMarked
package io.ledgerline.platform.service.schedule;

import org.jspecify.annotations.NullMarked;
