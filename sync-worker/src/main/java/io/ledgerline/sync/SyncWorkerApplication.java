package io.ledgerline.sync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SyncWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(SyncWorkerApplication.class, args);
  }
}
