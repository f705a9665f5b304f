@NullMarked
package io.ledgerline.apikey.client;

import org.jspecify.annotations.NullMarked;
