package io.ledgerline.platforms.webhook;

/** Why a webhook was rejected. Stable: webhook-ingest maps each to a problem type. */
public enum Reason {
  /** The request carries no signature or credential where the scheme requires one (401). */
  MISSING_SIGNATURE,
  /** A signature is present but matches none of the connection's usable secrets (401). */
  BAD_SIGNATURE,
  /** The scheme's timestamp is outside the tolerance window: a replay or a skewed clock (401). */
  STALE_TIMESTAMP,
  /**
   * A credential-based scheme (Basic auth, token, organization id, auth code, IP allow-list) did
   * not match (401).
   */
  BAD_CREDENTIAL,
  /** The body or a header could not be parsed as the scheme requires (400). */
  MALFORMED,
  /** The connection has no secret for this scheme: a configuration problem on our side. */
  NOT_CONFIGURED
}
