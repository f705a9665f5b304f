@NullMarked
package io.ledgerline.apikey.tenant;

import org.jspecify.annotations.NullMarked;
