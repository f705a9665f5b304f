@NullMarked
package io.ledgerline.apikey.token;

import org.jspecify.annotations.NullMarked;
