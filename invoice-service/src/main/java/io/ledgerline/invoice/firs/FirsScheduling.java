package io.ledgerline.invoice.firs;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link SubmitToFirs#poll()}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FirsScheduling {}
