package io.ledgerline.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientDetailsTest {

  @Test
  void trimsNamesAndCollapsesInnerWhiteSpace() {
    var details = ClientDetails.cleaned("  Ada \t  Lovelace ", null, null, null, null);

    assertThat(details.name()).isEqualTo("Ada Lovelace");
  }

  @Test
  void lowerCasesAndTrimsEmails() {
    var details = ClientDetails.cleaned(null, "  Ada.Lovelace@Example.COM ", null, null, null);

    assertThat(details.email()).isEqualTo("ada.lovelace@example.com");
  }

  @Test
  void dropsWhatIsNotAnEmailSoItNeverMatchesAnotherClient() {
    assertThat(ClientDetails.cleaned(null, "not-an-email", null, null, null).email()).isNull();
    assertThat(ClientDetails.cleaned(null, "a@b@c", null, null, null).email()).isNull();
    assertThat(ClientDetails.cleaned(null, "@example.com", null, null, null).email()).isNull();
  }

  @Test
  void keepsPhonesAsGivenOnlyTrimmed() {
    var details = ClientDetails.cleaned(null, null, " +44 20 7946 0958 ", null, null);

    assertThat(details.phone()).isEqualTo("+44 20 7946 0958");
  }

  @Test
  void turnsBlankFieldsIntoNothing() {
    var details = ClientDetails.cleaned("  ", " ", " ", " ", null);

    assertThat(details).isEqualTo(new ClientDetails(null, null, null, null, null));
  }

  @Test
  void cleansAddressesAndUpperCasesTheCountry() {
    var address = ClientAddress.cleaned(" 1 Main St ", "", " Springfield", null, " 12345 ", "us");

    assertThat(address)
        .isEqualTo(new ClientAddress("1 Main St", null, "Springfield", null, "12345", "US"));
    assertThat(ClientAddress.cleaned(" ", null, null, null, null, "")).isNull();
  }

  @Test
  void newerDetailsWinFieldByFieldButNeverEraseWhatWeKnow() {
    var known = new ClientDetails("Ada", "ada@example.com", "+1 555", "GB123", null);
    var newer = new ClientDetails("Ada Lovelace", null, null, null, null);

    assertThat(known.updatedWith(newer))
        .isEqualTo(new ClientDetails("Ada Lovelace", "ada@example.com", "+1 555", "GB123", null));
  }
}
