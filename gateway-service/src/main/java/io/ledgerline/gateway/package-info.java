@NullMarked
package io.ledgerline.gateway;

import org.jspecify.annotations.NullMarked;
