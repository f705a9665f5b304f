@NullMarked
package io.ledgerline.apikey.events;

import org.jspecify.annotations.NullMarked;
