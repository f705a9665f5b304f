/**
 * Reading a platform's objects through its API (issue 7): the {@link
 * io.ledgerline.platforms.api.PlatformApi} part a platform declares (fetch one object a thin
 * webhook named, page through changed objects from a cursor), the requests it makes ({@link
 * io.ledgerline.platforms.api.ApiRequest}) and the client that executes them ({@link
 * io.ledgerline.platforms.api.ApiClient}), which the service provides with the connection's
 * credentials, rate budget and retries. Platform code never does I/O of its own: it builds requests
 * and reads responses, so it is unit-tested with recorded responses.
 */
@NullMarked
package io.ledgerline.platforms.api;

import org.jspecify.annotations.NullMarked;
