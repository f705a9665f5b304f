package io.ledgerline.invoice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class InvoiceServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(InvoiceServiceApplication.class, args);
  }
}
