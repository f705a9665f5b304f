package io.ledgerline.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InternalHeaderStrippingFilterTest {

  @Test
  void treatsTenantAndInternalHeadersAsInternalInAnyCase() {
    assertThat(InternalHeaderStrippingFilter.isInternal("X-Tenant-Id")).isTrue();
    assertThat(InternalHeaderStrippingFilter.isInternal("x-tenant-id")).isTrue();
    assertThat(InternalHeaderStrippingFilter.isInternal("X-Internal-Caller")).isTrue();
    assertThat(InternalHeaderStrippingFilter.isInternal("X-INTERNAL-SCOPE")).isTrue();
  }

  @Test
  void leavesOtherHeadersAlone() {
    assertThat(InternalHeaderStrippingFilter.isInternal("X-Tenant")).isFalse();
    assertThat(InternalHeaderStrippingFilter.isInternal("X-Internals")).isFalse();
    assertThat(InternalHeaderStrippingFilter.isInternal("Stripe-Signature")).isFalse();
    assertThat(InternalHeaderStrippingFilter.isInternal("Authorization")).isFalse();
  }
}
