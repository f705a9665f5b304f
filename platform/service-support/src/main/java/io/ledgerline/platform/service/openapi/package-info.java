@NullMarked
package io.ledgerline.platform.service.openapi;

import org.jspecify.annotations.NullMarked;
