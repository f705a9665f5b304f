/**
 * Connector service: tenants' connections to platforms and their webhook secrets, encrypted at
 * rest.
 */
package io.ledgerline.connector;
