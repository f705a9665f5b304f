package io.ledgerline.invoice.firs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documents' IRNs, QR payloads and FIRS statuses ({@code firs_documents}), with their history. */
@Repository
public class FirsDocuments {

  /** A document's FIRS record. */
  public record FirsDocument(
      UUID documentId,
      String kind,
      String irn,
      String qrPayload,
      String status,
      List<Step> history) {}

  /** One status it reached, when, and what FIRS said. */
  public record Step(String status, String detail, Instant at) {}

  private final JdbcClient jdbc;

  FirsDocuments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a document's IRN unless it has one: the primary key (tenant, document) makes a
   * redelivered event or a second replica a no-op, so a document never gets two IRNs.
   *
   * @return whether this call made the record
   */
  boolean addIfAbsent(
      String tenantId, UUID documentId, String kind, Irn irn, String qrPayload, Instant now) {
    int added =
        jdbc.sql(
                """
                INSERT INTO firs_documents (tenant_id, document_id, kind, irn, qr_payload, status,
                    created_at, updated_at)
                VALUES (:tenantId, :documentId, :kind, :irn, :qr, 'PENDING', :now, :now)
                ON CONFLICT (tenant_id, document_id) DO NOTHING
                """)
            .param("tenantId", tenantId)
            .param("documentId", documentId)
            .param("kind", kind)
            .param("irn", irn.value())
            .param("qr", qrPayload)
            .param("now", Timestamp.from(now))
            .update();
    if (added == 1) {
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
    }
    return added == 1;
  }

  public Optional<FirsDocument> find(String tenantId, UUID documentId) {
    List<Step> history =
        jdbc.sql(
                """
                SELECT status, detail, at FROM firs_document_history
                WHERE tenant_id = :tenantId AND document_id = :documentId ORDER BY at
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
            SELECT document_id, kind, irn, qr_payload, status FROM firs_documents
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
                    rs.getString("status"),
                    history))
        .optional();
  }
}
