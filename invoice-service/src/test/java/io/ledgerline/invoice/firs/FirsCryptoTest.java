package io.ledgerline.invoice.firs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import javax.crypto.Cipher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The IRN's form, the crypto_keys file, and a QR payload that the matching private key opens. */
class FirsCryptoTest {

  private static KeyPair firs;
  private static String cryptoKeysFile;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    firs = generator.generateKeyPair();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(firs.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    // The file as the MBS dashboard hands it out: the PEM base64-encoded once more, in JSON.
    cryptoKeysFile =
        "{\"public_key\":\""
            + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))
            + "\",\"certificate\":\"Y2VydGlmaWNhdGUtb2YtdGhlLXRheHBheWVyLTEyMzQ1Njc4OTAxMjM0NTY=\"}";
  }

  @Test
  void anIrnIsTheNumbersAlphanumericsTheServiceIdAndTheIssueDate() {
    assertThat(Irn.of("INV-000042", "94ND90NR", LocalDate.of(2026, 11, 20)).value())
        .isEqualTo("INV000042-94ND90NR-20261120");
    assertThat(Irn.of("DC/2026.7_a", "F3A3A0CF", LocalDate.of(2024, 6, 19)).value())
        .isEqualTo("DC20267a-F3A3A0CF-20240619");
    assertThatThrownBy(() -> Irn.of("INV-1", "94ND-90NR", LocalDate.of(2026, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Irn("INV1-X")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theQrPayloadDecryptsWithFirssPrivateKeyToTheIrnWithItsTimestampAndTheCertificate()
      throws Exception {
    CryptoKeys keys = CryptoKeys.parse(cryptoKeysFile);
    Irn irn = Irn.of("INV-000042", "94ND90NR", LocalDate.of(2026, 11, 20));

    String payload = QrPayload.of(irn, Instant.ofEpochSecond(1731618237), keys);

    Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    cipher.init(Cipher.DECRYPT_MODE, firs.getPrivate());
    String plaintext =
        new String(cipher.doFinal(Base64.getDecoder().decode(payload)), StandardCharsets.UTF_8);
    assertThat(plaintext)
        .isEqualTo(
            "{\"irn\":\"INV000042-94ND90NR-20261120.1731618237\","
                + "\"certificate\":\"Y2VydGlmaWNhdGUtb2YtdGhlLXRheHBheWVyLTEyMzQ1Njc4OTAxMjM0NTY=\"}");
    // Randomized padding: a second payload differs but says the same.
    assertThat(QrPayload.of(irn, Instant.ofEpochSecond(1731618237), keys)).isNotEqualTo(payload);
  }

  @Test
  void aCryptoKeysFileWithPemTextIsReadToo() {
    String pem =
        new String(
            Base64.getDecoder()
                .decode(cryptoKeysFile.replaceAll(".*\"public_key\":\"([^\"]+)\".*", "$1")),
            StandardCharsets.US_ASCII);
    String file =
        "{\"public_key\": \"" + pem.replace("\n", "\\n") + "\", \"certificate\": \"abc\"}";

    assertThat(CryptoKeys.parse(file).publicKey()).isEqualTo(firs.getPublic());
    assertThatThrownBy(() -> CryptoKeys.parse("{\"certificate\": \"abc\"}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
