@NullMarked
package io.ledgerline.apikey.key;

import org.jspecify.annotations.NullMarked;
