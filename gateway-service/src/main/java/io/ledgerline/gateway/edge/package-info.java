@NullMarked
package io.ledgerline.gateway.edge;

import org.jspecify.annotations.NullMarked;
