@NullMarked
package io.ledgerline.apikey;

import org.jspecify.annotations.NullMarked;
