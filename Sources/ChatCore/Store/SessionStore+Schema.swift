import ChatDomain
import GRDB

extension SessionStore {
  /// The versioned schema. A migration, once released, never changes; later versions add
  /// migrations.
  ///
  /// Times are integers of milliseconds since 1970 UTC. Costs are integers of 10⁻¹² USD
  /// (`cost_picos`), so sums are exact; OpenRouter reports costs with far fewer decimals.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: sessionTables)
      try db.execute(sql: searchIndex)
      try db.execute(sql: requestLog)
    }
    migrator.registerMigration("v2-sources") { db in
      try db.execute(sql: sourcesAndServing)
    }
    migrator.registerMigration("v2-attachments") { db in
      try db.execute(sql: attachmentTables)
    }
    migrator.registerMigration("v3-tree") { db in
      try migrateToTree(db)
    }
    return migrator
  }()

  /// Version 2: the web sources a reply cites (`citation`, one row per source, in order),
  /// the provider that served a reply, and two usage figures, the number of web searches
  /// and what prompt caching saved, on messages and in the request log. Rows written by
  /// version 1 read as having no sources and no such figures.
  private static let sourcesAndServing = """
    ALTER TABLE message ADD COLUMN provider TEXT;
    ALTER TABLE message ADD COLUMN web_searches INTEGER;
    ALTER TABLE message ADD COLUMN cache_savings_picos INTEGER;
    ALTER TABLE request_log ADD COLUMN provider TEXT;
    ALTER TABLE request_log ADD COLUMN web_searches INTEGER;
    ALTER TABLE request_log ADD COLUMN cache_savings_picos INTEGER;

    CREATE TABLE citation (
      message_id TEXT NOT NULL REFERENCES message (id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
      url TEXT NOT NULL,
      title TEXT NOT NULL,
      start_index INTEGER,
      end_index INTEGER,
      PRIMARY KEY (message_id, ordinal)
    ) WITHOUT ROWID;
    """

  private static let sessionTables = """
    CREATE TABLE session (
      id TEXT PRIMARY KEY NOT NULL,
      title TEXT NOT NULL,
      agent TEXT NOT NULL,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      -- Totals kept by the message_totals triggers, so listing sessions reads one row each:
      -- selected messages, the sum of every message's cost, and how many reported one.
      message_count INTEGER NOT NULL DEFAULT 0,
      cost_picos INTEGER NOT NULL DEFAULT 0,
      priced_messages INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX session_by_update ON session (archived, updated_at);

    CREATE TABLE message (
      id TEXT PRIMARY KEY NOT NULL,
      session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
      position INTEGER NOT NULL CHECK (position >= 0),
      selected INTEGER NOT NULL DEFAULT 1 CHECK (selected IN (0, 1)),
      role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
      content TEXT NOT NULL,
      reasoning TEXT,
      agent TEXT,
      model TEXT,
      served_model TEXT,
      status TEXT NOT NULL
        CHECK (status IN ('complete', 'streaming', 'interrupted', 'cancelled', 'error')),
      error TEXT,
      finish_reason TEXT,
      prompt_tokens INTEGER,
      completion_tokens INTEGER,
      total_tokens INTEGER,
      reasoning_tokens INTEGER,
      cached_tokens INTEGER,
      cost_picos INTEGER,
      generation_id TEXT,
      ttft_ms INTEGER,
      duration_ms INTEGER,
      created_at INTEGER NOT NULL,
      -- The lease of the process streaming this reply (see WriterLease); NULL otherwise.
      writer_lease TEXT
    );
    CREATE INDEX message_by_position ON message (session_id, position, created_at);
    CREATE UNIQUE INDEX message_selected ON message (session_id, position) WHERE selected = 1;
    CREATE INDEX message_streaming ON message (status) WHERE status = 'streaming';

    CREATE TRIGGER message_totals_insert AFTER INSERT ON message BEGIN
      UPDATE session SET
        message_count = message_count + new.selected,
        cost_picos = cost_picos + COALESCE(new.cost_picos, 0),
        priced_messages = priced_messages + (new.cost_picos IS NOT NULL)
      WHERE id = new.session_id;
    END;
    CREATE TRIGGER message_totals_delete AFTER DELETE ON message BEGIN
      UPDATE session SET
        message_count = message_count - old.selected,
        cost_picos = cost_picos - COALESCE(old.cost_picos, 0),
        priced_messages = priced_messages - (old.cost_picos IS NOT NULL)
      WHERE id = old.session_id;
    END;
    CREATE TRIGGER message_totals_update AFTER UPDATE OF selected, cost_picos ON message BEGIN
      UPDATE session SET
        message_count = message_count - old.selected + new.selected,
        cost_picos = cost_picos - COALESCE(old.cost_picos, 0) + COALESCE(new.cost_picos, 0),
        priced_messages =
          priced_messages - (old.cost_picos IS NOT NULL) + (new.cost_picos IS NOT NULL)
      WHERE id = new.session_id;
    END;
    """

  /// FTS5 over message content and session titles, external-content tables kept by
  /// triggers. Streaming replies stay out of the index until they end: a checkpoint then
  /// never re-tokenises the growing text. Prefixes of 2 to 4 characters are indexed too, so a
  /// short word typed as a prefix (`th`, `the`) reads one list instead of merging the lists
  /// of every word it starts.
  private static let searchIndex = """
    CREATE VIRTUAL TABLE message_fts USING fts5 (
      content, content = 'message', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
    );
    CREATE TRIGGER message_fts_insert AFTER INSERT ON message
    WHEN new.status <> 'streaming' BEGIN
      INSERT INTO message_fts (rowid, content) VALUES (new.rowid, new.content);
    END;
    CREATE TRIGGER message_fts_delete AFTER DELETE ON message
    WHEN old.status <> 'streaming' BEGIN
      INSERT INTO message_fts (message_fts, rowid, content)
      VALUES ('delete', old.rowid, old.content);
    END;
    -- One trigger, so the old text leaves the index before the new text enters it (two
    -- triggers would fire in an unspecified order and could drop shared tokens).
    CREATE TRIGGER message_fts_update AFTER UPDATE OF content, status ON message
    WHEN old.status <> 'streaming' OR new.status <> 'streaming' BEGIN
      INSERT INTO message_fts (message_fts, rowid, content)
      SELECT 'delete', old.rowid, old.content WHERE old.status <> 'streaming';
      INSERT INTO message_fts (rowid, content)
      SELECT new.rowid, new.content WHERE new.status <> 'streaming';
    END;

    CREATE VIRTUAL TABLE session_fts USING fts5 (
      title, content = 'session', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
    );
    CREATE TRIGGER session_fts_insert AFTER INSERT ON session BEGIN
      INSERT INTO session_fts (rowid, title) VALUES (new.rowid, new.title);
    END;
    CREATE TRIGGER session_fts_delete AFTER DELETE ON session BEGIN
      INSERT INTO session_fts (session_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
    END;
    CREATE TRIGGER session_fts_update AFTER UPDATE OF title ON session BEGIN
      INSERT INTO session_fts (session_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
      INSERT INTO session_fts (rowid, title) VALUES (new.rowid, new.title);
    END;
    """

  /// Every HTTP call to the API. Never holds the API key: only what the client reports.
  /// Rows outlive their session (`usage` counts money spent, deleted chats included).
  private static let requestLog = """
    CREATE TABLE request_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      started_at INTEGER NOT NULL,
      endpoint TEXT NOT NULL,
      session_id TEXT REFERENCES session (id) ON DELETE SET NULL,
      message_id TEXT,
      agent TEXT,
      model TEXT,
      served_model TEXT,
      outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error', 'cancelled')),
      http_status INTEGER,
      attempts INTEGER NOT NULL CHECK (attempts >= 1),
      retry_waits_ms TEXT NOT NULL DEFAULT '[]',
      ttft_ms INTEGER,
      duration_ms INTEGER NOT NULL,
      prompt_tokens INTEGER,
      completion_tokens INTEGER,
      reasoning_tokens INTEGER,
      cached_tokens INTEGER,
      cost_picos INTEGER,
      generation_id TEXT,
      error_category TEXT,
      error_message TEXT
    );
    CREATE INDEX request_log_by_time ON request_log (started_at);
    CREATE INDEX request_log_by_session ON request_log (session_id);
    """
}
