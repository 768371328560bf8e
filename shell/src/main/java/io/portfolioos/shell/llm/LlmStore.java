package io.portfolioos.shell.llm;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.llm.LlmConversation;
import io.portfolioos.contract.llm.LlmConversationSummary;
import io.portfolioos.contract.llm.LlmMessage;
import io.portfolioos.contract.llm.LlmProviderKind;
import io.portfolioos.shell.state.AppState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Providers, consents and conversations in app.sqlite ({@code llm_providers}, {@code consents} with
 * scope {@value #CONSENT_SCOPE}, {@code conversations}, {@code messages}), through the app state's
 * one connection; every write is one transaction.
 */
final class LlmStore {
  static final String CONSENT_SCOPE = "llm";

  private static final String PROVIDER_COLUMNS =
      "SELECT p.id, p.name, p.kind, p.base_url, p.model, p.secret_name, p.is_default,"
          + " c.updated_at FROM llm_providers p LEFT JOIN consents c ON c.scope = '"
          + CONSENT_SCOPE
          + "' AND c.subject = p.id AND c.granted = 1";

  private final AppState db;

  LlmStore(AppState db) {
    this.db = db;
  }

  List<Provider> providers() {
    return db.read(c -> providersOn(c, PROVIDER_COLUMNS + " ORDER BY p.created_at, p.id", null));
  }

  Optional<Provider> provider(String id) {
    return db.read(c -> providersOn(c, PROVIDER_COLUMNS + " WHERE p.id = ?", id)).stream()
        .findFirst();
  }

  private static List<Provider> providersOn(Connection c, String sql, @Nullable String id)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (id != null) {
        ps.setString(1, id);
      }
      List<Provider> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String model = rs.getString(5);
          String consented = rs.getString(8);
          out.add(
              new Provider(
                  rs.getString(1),
                  rs.getString(2),
                  LlmProviderKind.valueOf(rs.getString(3)),
                  rs.getString(4),
                  model == null || model.isEmpty() ? null : model,
                  rs.getString(6),
                  rs.getInt(7) != 0,
                  consented == null ? null : Instant.parse(consented)));
        }
      }
      return out;
    }
  }

  void insert(Provider p) {
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO llm_providers (id, kind, name, base_url, model, secret_name,"
                      + " enabled, is_default, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
            ps.setString(1, p.id());
            ps.setString(2, p.kind().name());
            ps.setString(3, p.name());
            ps.setString(4, p.baseUrl());
            ps.setString(5, p.model() == null ? "" : p.model());
            ps.setString(6, p.keyName());
            ps.setInt(7, p.isDefault() ? 1 : 0);
            ps.setString(8, Instant.now().toString());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Rewrites a provider's editable fields and its consent, in one transaction. */
  void update(Provider p) {
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE llm_providers SET name = ?, base_url = ?, model = ?, secret_name = ?"
                      + " WHERE id = ?")) {
            ps.setString(1, p.name());
            ps.setString(2, p.baseUrl());
            ps.setString(3, p.model() == null ? "" : p.model());
            ps.setString(4, p.keyName());
            ps.setString(5, p.id());
            if (ps.executeUpdate() == 0) {
              throw notFound("provider", p.id());
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO consents (scope, subject, granted, updated_at) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (scope, subject) DO UPDATE SET granted = excluded.granted,"
                      + " updated_at = excluded.updated_at")) {
            ps.setString(1, CONSENT_SCOPE);
            ps.setString(2, p.id());
            ps.setInt(3, p.consentedAt() == null ? 0 : 1);
            ps.setString(4, (p.consentedAt() == null ? Instant.now() : p.consentedAt()).toString());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Removes a provider and its consent; the default moves to the oldest remaining one. */
  void remove(String id) {
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM llm_providers WHERE id = ?")) {
            ps.setString(1, id);
            if (ps.executeUpdate() == 0) {
              throw notFound("provider", id);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM consents WHERE scope = ? AND subject = ?")) {
            ps.setString(1, CONSENT_SCOPE);
            ps.setString(2, id);
            ps.executeUpdate();
          }
          try (Statement s = c.createStatement()) {
            s.executeUpdate(
                "UPDATE llm_providers SET is_default = 1 WHERE id = (SELECT id FROM llm_providers"
                    + " ORDER BY created_at, id LIMIT 1) AND NOT EXISTS (SELECT 1 FROM"
                    + " llm_providers WHERE is_default = 1)");
          }
          return null;
        });
  }

  void setDefault(String id) {
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE llm_providers SET is_default = (id = ?) WHERE EXISTS (SELECT 1 FROM"
                      + " llm_providers WHERE id = ?)")) {
            ps.setString(1, id);
            ps.setString(2, id);
            if (ps.executeUpdate() == 0) {
              throw notFound("provider", id);
            }
          }
          return null;
        });
  }

  List<LlmConversationSummary> conversations() {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT c.id, c.title, c.created_at, c.updated_at, (SELECT count(*) FROM"
                          + " messages m WHERE m.conversation_id = c.id) FROM conversations c"
                          + " ORDER BY c.updated_at DESC, c.id DESC")) {
            List<LlmConversationSummary> out = new ArrayList<>();
            while (rs.next()) {
              out.add(
                  new LlmConversationSummary(
                      Long.toString(rs.getLong(1)),
                      rs.getString(2),
                      Instant.parse(rs.getString(3)),
                      Instant.parse(rs.getString(4)),
                      rs.getInt(5)));
            }
            return out;
          }
        });
  }

  LlmConversation conversation(String id) {
    long key = key(id);
    return db.read(
        c -> {
          String title;
          Instant created;
          Instant updated;
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT title, created_at, updated_at FROM conversations WHERE id = ?")) {
            q.setLong(1, key);
            try (ResultSet rs = q.executeQuery()) {
              if (!rs.next()) {
                throw notFound("conversation", id);
              }
              title = rs.getString(1);
              created = Instant.parse(rs.getString(2));
              updated = Instant.parse(rs.getString(3));
            }
          }
          List<LlmMessage> messages = new ArrayList<>();
          try (PreparedStatement m =
              c.prepareStatement(
                  "SELECT role, content, tool_name, tool_input, provider_id, model, created_at"
                      + " FROM messages WHERE conversation_id = ? ORDER BY id")) {
            m.setLong(1, key);
            try (ResultSet rs = m.executeQuery()) {
              while (rs.next()) {
                messages.add(
                    new LlmMessage(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        Instant.parse(rs.getString(7))));
              }
            }
          }
          return new LlmConversation(id, title, created, updated, messages);
        });
  }

  /** A new, empty conversation titled after its first question. */
  String createConversation(String firstMessage, String providerId) {
    String flat = firstMessage.strip().replaceAll("\\s+", " ");
    String title = flat.length() > 60 ? flat.substring(0, 59) + "…" : flat;
    String now = Instant.now().toString();
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO conversations (title, provider_id, created_at, updated_at) VALUES"
                      + " (?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, title);
            ps.setString(2, providerId);
            ps.setString(3, now);
            ps.setString(4, now);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return Long.toString(rs.getLong(1));
            }
          }
        });
  }

  /** Appends messages to a conversation in one transaction. */
  void append(String conversationId, List<LlmMessage> messages) {
    long key = key(conversationId);
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE conversations SET updated_at = ? WHERE id = ?")) {
            ps.setString(1, Instant.now().toString());
            ps.setLong(2, key);
            if (ps.executeUpdate() == 0) {
              throw notFound("conversation", conversationId);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO messages (conversation_id, role, content, tool_name, tool_input,"
                      + " provider_id, model, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LlmMessage msg : messages) {
              ps.setLong(1, key);
              ps.setString(2, msg.role());
              ps.setString(3, msg.content());
              ps.setString(4, msg.toolName());
              ps.setString(5, msg.toolInput());
              ps.setString(6, msg.providerId());
              ps.setString(7, msg.model());
              ps.setString(8, msg.createdAt().toString());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  void deleteConversation(String id) {
    long key = key(id);
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM conversations WHERE id = ?")) {
            ps.setLong(1, key);
            if (ps.executeUpdate() == 0) {
              throw notFound("conversation", id);
            }
          }
          return null;
        });
  }

  private static long key(String conversationId) {
    try {
      return Long.parseLong(conversationId);
    } catch (NumberFormatException e) {
      throw notFound("conversation", conversationId);
    }
  }

  private static RpcException notFound(String what, String id) {
    return new RpcException(ErrorCode.NOT_FOUND, "No " + what + " with id " + id);
  }
}
