package io.ledgerline.configserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.config.server.EnableConfigServer;

/**
 * Serves the configuration repository to every service. Native profile: the repository is a
 * directory ({@code ledgerline.config-server.repository}, default {@code
 * file:./deploy/config-repo/}), so the local platform and the tests serve the work tree as it is.
 * Placeholders in served values are resolved by the clients, not here.
 */
@SpringBootApplication
@EnableConfigServer
public class ConfigServerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ConfigServerApplication.class, args);
  }
}
