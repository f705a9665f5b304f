@NullMarked
package io.ledgerline.platform.service.tenant;

import org.jspecify.annotations.NullMarked;
