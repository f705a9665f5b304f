/**
 * Real infrastructure started from Java, with no Docker: PostgreSQL (zonky binaries), a Kafka
 * broker process, the Apicurio schema registry and the config server as child JVMs. Used by the
 * tests (through test-support) and by the local platform launcher, so both run the same thing.
 */
package io.ledgerline.platform.embedded;
