@NullMarked
package io.ledgerline.platform.service.problem;

import org.jspecify.annotations.NullMarked;
