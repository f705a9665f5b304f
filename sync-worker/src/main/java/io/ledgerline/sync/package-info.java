/** Turns sale and deal events into client records and invoice commands. */
package io.ledgerline.sync;
