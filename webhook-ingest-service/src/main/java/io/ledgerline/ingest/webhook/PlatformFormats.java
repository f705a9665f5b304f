package io.ledgerline.ingest.webhook;

import java.util.List;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The content type each platform sends; anything else is refused (415) before it is read. */
final class PlatformFormats {

  private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);
  private static final Map<String, List<MediaType>> BY_PLATFORM =
      Map.of(
          "salesforce", List.of(MediaType.TEXT_XML, MediaType.APPLICATION_XML),
          "lightspeed", List.of(MediaType.APPLICATION_FORM_URLENCODED));

  private PlatformFormats() {}

  static String expected(String platform) {
    return String.join(
        " or ",
        BY_PLATFORM.getOrDefault(platform, JSON).stream().map(MediaType::toString).toList());
  }

  static boolean accepts(String platform, String contentType) {
    if (contentType == null) {
      return false;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    List<MediaType> allowed = BY_PLATFORM.getOrDefault(platform, JSON);
    return allowed.stream().anyMatch(a -> a.isCompatibleWith(type) && !type.isWildcardType())
        || (allowed == JSON && "json".equals(type.getSubtypeSuffix()));
  }
}
