@NullMarked
package io.ledgerline.gateway.docs;

import org.jspecify.annotations.NullMarked;
