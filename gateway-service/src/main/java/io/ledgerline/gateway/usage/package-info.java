@NullMarked
package io.ledgerline.gateway.usage;

import org.jspecify.annotations.NullMarked;
