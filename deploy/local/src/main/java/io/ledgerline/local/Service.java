package io.ledgerline.local;

import java.nio.file.Path;
import java.util.List;

/** One of the platform's six services, as the launcher starts it. */
record Service(String name, String module, int port) {

  static List<Service> all(PlatformOptions.Ports ports) {
    return List.of(
        new Service("apikey-service", "apikey-service", ports.apikey()),
        new Service("connector-service", "connector-service", ports.connector()),
        new Service("webhook-ingest-service", "webhook-ingest-service", ports.ingest()),
        new Service("sync-worker", "sync-worker", ports.sync()),
        new Service("invoice-service", "invoice-service", ports.invoice()),
        new Service("gateway-service", "gateway-service", ports.gateway()));
  }

  /** The database of a service: its name with dashes as underscores (docs/architecture.md). */
  String database() {
    return name.replace('-', '_');
  }

  Path jar(Path root) {
    return root.resolve(module).resolve("target").resolve(name + "-0.1.0-SNAPSHOT.jar");
  }

  String url() {
    return "http://localhost:" + port;
  }
}
