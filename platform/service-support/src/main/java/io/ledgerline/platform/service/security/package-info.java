@NullMarked
package io.ledgerline.platform.service.security;

import org.jspecify.annotations.NullMarked;
