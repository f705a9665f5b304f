@NullMarked
package io.ledgerline.gateway.headers;

import org.jspecify.annotations.NullMarked;
