package io.ledgerline.platforms.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.Platform;
import io.ledgerline.events.SyncRequest;
import java.util.List;

/** What every sync request of a thin webhook must carry besides the object it names. */
public final class SyncRequestAssertions {

  private SyncRequestAssertions() {}

  public static List<SyncRequest> requests(Normalized normalized, Platform platform) {
    List<SyncRequest> requests = normalized.events().stream().map(SyncRequest.class::cast).toList();
    for (int i = 0; i < requests.size(); i++) {
      SyncRequest request = requests.get(i);
      assertThat(request.getEventId()).isEqualTo(Fixtures.eventId(i));
      assertThat(request.getTenantId()).isEqualTo(Fixtures.TENANT);
      assertThat(request.getConnectionId()).isEqualTo(Fixtures.CONNECTION.toString());
      assertThat(request.getPlatform()).isEqualTo(platform);
      assertThat(request.getWebhookId()).isEqualTo(Fixtures.WEBHOOK.toString());
      assertThat(request.getReplay()).isFalse();
    }
    return requests;
  }
}
