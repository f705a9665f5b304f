@NullMarked
package io.ledgerline.gateway.limits;

import org.jspecify.annotations.NullMarked;
