@NullMarked
package io.ledgerline.platform.service.kafka;

import org.jspecify.annotations.NullMarked;
