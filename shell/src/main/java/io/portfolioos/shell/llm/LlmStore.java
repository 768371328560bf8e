package io.portfolioos.shell.llm;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.llm.LlmConversation;
import io.portfolioos.contract.llm.LlmConversationSummary;
import io.portfolioos.contract.llm.LlmMessage;
import io.portfolioos.contract.llm.LlmProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Providers, consents and conversations in SQLite. One connection, used under this object's lock:
 * the assistant writes a few rows per answer, never enough to need more. Every write is one
 * transaction.
 */
final class LlmStore implements AutoCloseable {
  private final Connection db;

  private LlmStore(Connection db) {
    this.db = db;
  }

  static LlmStore open(String jdbcUrl) {
    try {
      Connection c = DriverManager.getConnection(jdbcUrl);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA foreign_keys = ON");
        s.execute("PRAGMA busy_timeout = 5000");
        for (String sql : schema().split(";")) {
          if (!sql.isBlank()) {
            s.execute(sql);
          }
        }
      }
      LlmStore store = new LlmStore(c);
      store.seedDefault();
      return store;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the assistant's tables: " + e.getMessage(), e);
    }
  }

  private static String schema() {
    try (InputStream in = LlmStore.class.getResourceAsStream("/llm/schema.sql")) {
      if (in == null) {
        throw new IllegalStateException("llm/schema.sql missing from the shell jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replaceAll("(?m)^--.*$", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** LM Studio is the default on a fresh install: local, nothing leaves the machine. */
  private synchronized void seedDefault() throws SQLException {
    if (providers().isEmpty()) {
      insert(
          new Provider(
              "lmstudio",
              "LM Studio",
              LlmProviderKind.lmStudio,
              LlmProviderKind.lmStudio.defaultBaseUrl(),
              null,
              null,
              true,
              null));
    }
  }

  synchronized List<Provider> providers() {
    return query(
        "SELECT id, name, kind, base_url, model, key_name, is_default, consented_at"
            + " FROM llm_provider ORDER BY created_at, id",
        null);
  }

  synchronized Optional<Provider> provider(String id) {
    return query(
            "SELECT id, name, kind, base_url, model, key_name, is_default, consented_at"
                + " FROM llm_provider WHERE id = ?",
            id)
        .stream()
        .findFirst();
  }

  private List<Provider> query(String sql, @Nullable String id) {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      if (id != null) {
        ps.setString(1, id);
      }
      List<Provider> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String consented = rs.getString(8);
          out.add(
              new Provider(
                  rs.getString(1),
                  rs.getString(2),
                  LlmProviderKind.valueOf(rs.getString(3)),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getInt(7) != 0,
                  consented == null ? null : Instant.parse(consented)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw storeError(e);
    }
  }

  synchronized void insert(Provider p) {
    write(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement(
                  "INSERT INTO llm_provider (id, name, kind, base_url, model, key_name, is_default,"
                      + " consented_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.id());
            ps.setString(2, p.name());
            ps.setString(3, p.kind().name());
            ps.setString(4, p.baseUrl());
            ps.setString(5, p.model());
            ps.setString(6, p.keyName());
            ps.setInt(7, p.isDefault() ? 1 : 0);
            ps.setString(8, p.consentedAt() == null ? null : p.consentedAt().toString());
            ps.setString(9, Instant.now().toString());
            ps.executeUpdate();
          }
        });
  }

  /** Rewrites a provider's editable fields (consent included). */
  synchronized void update(Provider p) {
    write(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement(
                  "UPDATE llm_provider SET name = ?, base_url = ?, model = ?, key_name = ?,"
                      + " consented_at = ? WHERE id = ?")) {
            ps.setString(1, p.name());
            ps.setString(2, p.baseUrl());
            ps.setString(3, p.model());
            ps.setString(4, p.keyName());
            ps.setString(5, p.consentedAt() == null ? null : p.consentedAt().toString());
            ps.setString(6, p.id());
            if (ps.executeUpdate() == 0) {
              throw notFound("provider", p.id());
            }
          }
        });
  }

  /** Removes a provider; the default moves to the oldest remaining one. */
  synchronized void remove(String id) {
    write(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement("DELETE FROM llm_provider WHERE id = ?")) {
            ps.setString(1, id);
            if (ps.executeUpdate() == 0) {
              throw notFound("provider", id);
            }
          }
          try (Statement s = db.createStatement()) {
            s.executeUpdate(
                "UPDATE llm_provider SET is_default = 1 WHERE id = (SELECT id FROM llm_provider"
                    + " ORDER BY created_at, id LIMIT 1) AND NOT EXISTS (SELECT 1 FROM"
                    + " llm_provider WHERE is_default = 1)");
          }
        });
  }

  synchronized void setDefault(String id) {
    write(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement("UPDATE llm_provider SET is_default = (id = ?)")) {
            ps.setString(1, id);
            ps.executeUpdate();
          }
          if (provider(id).isEmpty()) {
            throw notFound("provider", id);
          }
        });
  }

  synchronized List<LlmConversationSummary> conversations() {
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.id, c.title, c.created_at, c.updated_at, (SELECT count(*) FROM"
                    + " llm_message m WHERE m.conversation_id = c.id) FROM llm_conversation c"
                    + " ORDER BY c.updated_at DESC")) {
      List<LlmConversationSummary> out = new ArrayList<>();
      while (rs.next()) {
        out.add(
            new LlmConversationSummary(
                rs.getString(1),
                rs.getString(2),
                Instant.parse(rs.getString(3)),
                Instant.parse(rs.getString(4)),
                rs.getInt(5)));
      }
      return out;
    } catch (SQLException e) {
      throw storeError(e);
    }
  }

  synchronized LlmConversation conversation(String id) {
    try (PreparedStatement c =
            db.prepareStatement(
                "SELECT title, created_at, updated_at FROM llm_conversation WHERE id = ?");
        PreparedStatement m =
            db.prepareStatement(
                "SELECT role, content, tool_name, tool_input, provider_id, model, created_at FROM"
                    + " llm_message WHERE conversation_id = ? ORDER BY seq")) {
      c.setString(1, id);
      String title;
      Instant created;
      Instant updated;
      try (ResultSet rs = c.executeQuery()) {
        if (!rs.next()) {
          throw notFound("conversation", id);
        }
        title = rs.getString(1);
        created = Instant.parse(rs.getString(2));
        updated = Instant.parse(rs.getString(3));
      }
      m.setString(1, id);
      List<LlmMessage> messages = new ArrayList<>();
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
      return new LlmConversation(id, title, created, updated, messages);
    } catch (SQLException e) {
      throw storeError(e);
    }
  }

  /** A new, empty conversation titled after its first question. */
  synchronized String createConversation(String firstMessage) {
    String id = UUID.randomUUID().toString();
    String flat = firstMessage.strip().replaceAll("\\s+", " ");
    String title = flat.length() > 60 ? flat.substring(0, 59) + "…" : flat;
    String now = Instant.now().toString();
    write(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement(
                  "INSERT INTO llm_conversation (id, title, created_at, updated_at) VALUES (?, ?,"
                      + " ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, title);
            ps.setString(3, now);
            ps.setString(4, now);
            ps.executeUpdate();
          }
        });
    return id;
  }

  /** Appends messages to a conversation in one transaction. */
  synchronized void append(String conversationId, List<LlmMessage> messages) {
    write(
        () -> {
          int next;
          try (PreparedStatement ps =
              db.prepareStatement(
                  "SELECT coalesce(max(seq), 0) + 1 FROM llm_message WHERE conversation_id = ?")) {
            ps.setString(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              next = rs.getInt(1);
            }
          }
          try (PreparedStatement ps =
              db.prepareStatement(
                  "INSERT INTO llm_message (conversation_id, seq, role, content, tool_name,"
                      + " tool_input, provider_id, model, created_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?)")) {
            for (LlmMessage msg : messages) {
              ps.setString(1, conversationId);
              ps.setInt(2, next++);
              ps.setString(3, msg.role());
              ps.setString(4, msg.content());
              ps.setString(5, msg.toolName());
              ps.setString(6, msg.toolInput());
              ps.setString(7, msg.providerId());
              ps.setString(8, msg.model());
              ps.setString(9, msg.createdAt().toString());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          try (PreparedStatement ps =
              db.prepareStatement("UPDATE llm_conversation SET updated_at = ? WHERE id = ?")) {
            ps.setString(1, Instant.now().toString());
            ps.setString(2, conversationId);
            if (ps.executeUpdate() == 0) {
              throw notFound("conversation", conversationId);
            }
          }
        });
  }

  synchronized void deleteConversation(String id) {
    write(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement("DELETE FROM llm_conversation WHERE id = ?")) {
            ps.setString(1, id);
            if (ps.executeUpdate() == 0) {
              throw notFound("conversation", id);
            }
          }
        });
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private void write(SqlWork work) {
    try {
      db.setAutoCommit(false);
      try {
        work.run();
        db.commit();
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw storeError(e);
    }
  }

  private static RpcException notFound(String what, String id) {
    return new RpcException(ErrorCode.NOT_FOUND, "No " + what + " with id " + id);
  }

  private static RpcException storeError(SQLException e) {
    return new RpcException(
        ErrorCode.INTERNAL, "The assistant's storage failed: " + e.getMessage(), null, e);
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw storeError(e);
    }
  }
}
