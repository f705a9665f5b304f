@NullMarked
package io.ledgerline.gateway.auth;

import org.jspecify.annotations.NullMarked;
