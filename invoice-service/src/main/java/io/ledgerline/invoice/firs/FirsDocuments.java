package io.ledgerline.invoice.firs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Documents' IRNs, QR payloads and FIRS statuses ({@code firs_documents}), with their history. */
@Repository
public class FirsDocuments {

  /** A document's FIRS record. */
  public record FirsDocument(
      UUID documentId,
      String kind,
      String irn,
      String qrPayload,
      Instant signedAt,
      String status,
      String reasons,
      List<Step> history) {}

  /** A document a worker has claimed for its next submission steps. */
  record Due(
      String tenantId,
      UUID documentId,
      String kind,
      String irn,
      String status,
      int attempts,
      boolean signAttempted) {}

  /** One status it reached, when, and what FIRS said. */
  public record Step(String status, String detail, Instant at) {}

  private final JdbcClient jdbc;

  FirsDocuments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What {@link #addIfAbsent} did. */
  enum Added {
    /** The document got its IRN now. */
    ADDED,
    /** The document had its IRN already (a redelivered event, another replica). */
    ALREADY,
    /** Another document of the tenant holds this IRN; this one got none. */
    IRN_TAKEN
  }

  /**
   * Records a document's IRN unless it has one: the primary key (tenant, document) makes a
   * redelivered event or a second replica a no-op, so a document never gets two IRNs. An IRN is
   * unique per tenant (V40): another tenant's IRN never conflicts, and a conflict within the tenant
   * (its invoice and credit note prefixes differ only in punctuation) is answered, not thrown, so
   * the listener never blocks on it.
   */
  Added addIfAbsent(String tenantId, UUID documentId, String kind, Irn irn, Instant now) {
    int added =
        jdbc.sql(
                """
                INSERT INTO firs_documents (tenant_id, document_id, kind, irn, status,
                    created_at, updated_at)
                VALUES (:tenantId, :documentId, :kind, :irn, 'PENDING', :now, :now)
                ON CONFLICT DO NOTHING
                """)
            .param("tenantId", tenantId)
            .param("documentId", documentId)
            .param("kind", kind)
            .param("irn", irn.value())
            .param("now", Timestamp.from(now))
            .update();
    if (added == 0) {
      return irnOf(tenantId, documentId).isPresent() ? Added.ALREADY : Added.IRN_TAKEN;
    }
    jdbc.sql(
            """
              INSERT INTO firs_document_history (tenant_id, document_id, status, detail, at)
              VALUES (:tenantId, :documentId, 'PENDING', :detail, :now)
              """)
        .param("tenantId", tenantId)
        .param("documentId", documentId)
        .param("detail", "IRN " + irn.value() + " assigned")
        .param("now", Timestamp.from(now))
        .update();
    return Added.ADDED;
  }

  public Optional<FirsDocument> find(String tenantId, UUID documentId) {
    List<Step> history =
        jdbc.sql(
                """
                SELECT status, detail, at FROM firs_document_history
                WHERE tenant_id = :tenantId AND document_id = :documentId ORDER BY at, seq
                """)
            .param("tenantId", tenantId)
            .param("documentId", documentId)
            .query(
                (rs, row) ->
                    new Step(
                        rs.getString("status"),
                        rs.getString("detail"),
                        rs.getTimestamp("at").toInstant()))
            .list();
    return jdbc.sql(
            """
            SELECT document_id, kind, irn, qr_payload, signed_at, status, reasons
            FROM firs_documents
            WHERE tenant_id = :tenantId AND document_id = :documentId
            """)
        .param("tenantId", tenantId)
        .param("documentId", documentId)
        .query(
            (rs, row) ->
                new FirsDocument(
                    rs.getObject("document_id", UUID.class),
                    rs.getString("kind"),
                    rs.getString("irn"),
                    rs.getString("qr_payload"),
                    rs.getTimestamp("signed_at") == null
                        ? null
                        : rs.getTimestamp("signed_at").toInstant(),
                    rs.getString("status"),
                    rs.getString("reasons"),
                    history))
        .optional();
  }

  /**
   * Claims up to {@code limit} due documents: those neither confirmed nor rejected whose next
   * attempt has come. {@code FOR UPDATE SKIP LOCKED} lets replicas claim at once without taking the
   * same row, and moving {@code next_attempt_at} to the end of the lease keeps a claimed document
   * from being claimed again while it is worked on (or, if the worker dies, until the lease ends).
   */
  List<Due> claimDue(int limit, Instant now, Instant leaseUntil) {
    return jdbc.sql(
            """
            UPDATE firs_documents d SET next_attempt_at = :leaseUntil
            FROM (SELECT tenant_id, document_id FROM firs_documents
                  WHERE status NOT IN ('CONFIRMED', 'REJECTED') AND next_attempt_at <= :now
                  ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
            WHERE d.tenant_id = due.tenant_id AND d.document_id = due.document_id
            RETURNING d.tenant_id, d.document_id, d.kind, d.irn, d.status, d.attempts,
                d.sign_attempted
            """)
        .param("leaseUntil", Timestamp.from(leaseUntil))
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query(
            (rs, row) ->
                new Due(
                    rs.getString("tenant_id"),
                    rs.getObject("document_id", UUID.class),
                    rs.getString("kind"),
                    rs.getString("irn"),
                    rs.getString("status"),
                    rs.getInt("attempts"),
                    rs.getBoolean("sign_attempted")))
        .list();
  }

  /** A step succeeded: the new status with its history; the failure count starts again. */
  // The status and its history entry together: a reader never sees one without the other.
  @Transactional
  void advance(String tenantId, UUID documentId, String status, String detail, Instant now) {
    jdbc.sql(
            """
            UPDATE firs_documents SET status = :status, attempts = 0, last_error = NULL,
                reasons = NULL, updated_at = :now,
                next_attempt_at = CASE WHEN :status = 'CONFIRMED' THEN NULL ELSE next_attempt_at END
            WHERE tenant_id = :tenantId AND document_id = :documentId
            """)
        .param("status", status)
        .param("now", Timestamp.from(now))
        .param("tenantId", tenantId)
        .param("documentId", documentId)
        .update();
    history(tenantId, documentId, status, detail, now);
  }

  /**
   * FIRS signed the document: {@code SIGNED} with its history, and the QR payload made with the
   * signing timestamp (FIRS "IRN Signing"), in one transaction.
   */
  @Transactional
  void signed(String tenantId, UUID documentId, String qrPayload, String detail, Instant signedAt) {
    jdbc.sql(
            """
            UPDATE firs_documents SET qr_payload = :qr, signed_at = :signedAt
            WHERE tenant_id = :tenantId AND document_id = :documentId
            """)
        .param("qr", qrPayload)
        .param("signedAt", Timestamp.from(signedAt))
        .param("tenantId", tenantId)
        .param("documentId", documentId)
        .update();
    advance(tenantId, documentId, "SIGNED", detail, signedAt);
  }

  /** Sign is about to be called: a retry after this asks FIRS whether it already signed. */
  void markSignAttempted(String tenantId, UUID documentId) {
    jdbc.sql(
            """
            UPDATE firs_documents SET sign_attempted = true
            WHERE tenant_id = :tenantId AND document_id = :documentId
            """)
        .param("tenantId", tenantId)
        .param("documentId", documentId)
        .update();
  }

  /** A transient failure (5xx, timeout, "try again later"): the status stays, retried later. */
  void retryLater(String tenantId, UUID documentId, String error, Instant next, Instant now) {
    jdbc.sql(
            """
            UPDATE firs_documents SET attempts = attempts + 1, last_error = :error,
                next_attempt_at = :next, updated_at = :now
            WHERE tenant_id = :tenantId AND document_id = :documentId
            """)
        .param("error", error)
        .param("next", Timestamp.from(next))
        .param("now", Timestamp.from(now))
        .param("tenantId", tenantId)
        .param("documentId", documentId)
        .update();
  }

  /** FIRS refused the document (a 4xx): REJECTED with its reasons, not retried. */
  // The status and its history entry together: a reader never sees one without the other.
  @Transactional
  void reject(String tenantId, UUID documentId, String reasons, Instant now) {
    jdbc.sql(
            """
            UPDATE firs_documents SET status = 'REJECTED', reasons = :reasons, last_error = NULL,
                next_attempt_at = NULL, updated_at = :now
            WHERE tenant_id = :tenantId AND document_id = :documentId
            """)
        .param("reasons", reasons)
        .param("now", Timestamp.from(now))
        .param("tenantId", tenantId)
        .param("documentId", documentId)
        .update();
    history(tenantId, documentId, "REJECTED", reasons, now);
  }

  /**
   * Puts a rejected document back in the queue, at the status it had reached before FIRS refused it
   * (a document FIRS signed is never signed again), with the same IRN.
   *
   * @return whether the document was rejected (else nothing changes)
   */
  // The status and its history entry together: a reader never sees one without the other.
  @Transactional
  boolean resubmit(String tenantId, UUID documentId, Instant now) {
    String back =
        jdbc.sql(
                """
                SELECT status FROM firs_document_history
                WHERE tenant_id = :tenantId AND document_id = :documentId
                    AND status <> 'REJECTED'
                ORDER BY at DESC, seq DESC LIMIT 1
                """)
            .param("tenantId", tenantId)
            .param("documentId", documentId)
            .query(String.class)
            .optional()
            .orElse("PENDING");
    int changed =
        jdbc.sql(
                """
                UPDATE firs_documents SET status = :back, reasons = NULL, attempts = 0,
                    sign_attempted = false, last_error = NULL, next_attempt_at = :now,
                    updated_at = :now
                WHERE tenant_id = :tenantId AND document_id = :documentId
                    AND status = 'REJECTED'
                """)
            .param("back", back)
            .param("now", Timestamp.from(now))
            .param("tenantId", tenantId)
            .param("documentId", documentId)
            .update();
    if (changed == 1) {
      history(tenantId, documentId, back, "resubmitted", now);
    }
    return changed == 1;
  }

  /** The IRN of a document (a credit note's invoice, for its billing reference). */
  Optional<String> irnOf(String tenantId, UUID documentId) {
    return jdbc.sql(
            "SELECT irn FROM firs_documents WHERE tenant_id = :tenantId AND document_id = :documentId")
        .param("tenantId", tenantId)
        .param("documentId", documentId)
        .query(String.class)
        .optional();
  }

  private void history(String tenantId, UUID documentId, String status, String detail, Instant at) {
    jdbc.sql(
            """
            INSERT INTO firs_document_history (tenant_id, document_id, status, detail, at)
            VALUES (:tenantId, :documentId, :status, :detail, :at)
            """)
        .param("tenantId", tenantId)
        .param("documentId", documentId)
        .param("status", status)
        .param("detail", detail)
        .param("at", Timestamp.from(at))
        .update();
  }
}
