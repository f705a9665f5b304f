package io.ledgerline.platform.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A stand-in service: proves what a real service's test gets from test-support. */
@SpringBootApplication
class ProbeApplication {}
