/**
 * How a failure is classified, once for the whole platform: transient (retry for as long as it
 * lasts), permanent (can never succeed as it is) or unexpected (a bug of ours, most likely).
 */
@NullMarked
package io.ledgerline.platform.service.failure;

import org.jspecify.annotations.NullMarked;
