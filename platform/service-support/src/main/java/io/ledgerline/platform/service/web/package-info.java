/** What the services' list endpoints share: keyset cursors and query parameters. */
@NullMarked
package io.ledgerline.platform.service.web;

import org.jspecify.annotations.NullMarked;
