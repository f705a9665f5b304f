@NullMarked
package io.ledgerline.platform.service.crypto;

import org.jspecify.annotations.NullMarked;
