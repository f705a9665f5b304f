@NullMarked
package io.ledgerline.apikey.security;

import org.jspecify.annotations.NullMarked;
