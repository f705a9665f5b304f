package io.ledgerline.ingest.webhook;

import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The content types a platform sends (its scheme says); anything else is refused (415) unread. */
final class PlatformFormats {

  private PlatformFormats() {}

  static String expected(String platform) {
    return String.join(" or ", ReceiveWebhook.scheme(platform).contentTypes());
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
    List<MediaType> allowed =
        ReceiveWebhook.scheme(platform).contentTypes().stream()
            .map(MediaType::parseMediaType)
            .toList();
    return allowed.stream().anyMatch(a -> a.isCompatibleWith(type) && !type.isWildcardType())
        || (allowed.contains(MediaType.APPLICATION_JSON) && "json".equals(type.getSubtypeSuffix()));
  }
}
