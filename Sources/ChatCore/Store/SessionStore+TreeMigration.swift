import GRDB

extension SessionStore {
  /// Version 3: a session's messages form a tree. Every message names its `parent_id` (`NULL`
  /// for the first message of a branch at the root); the messages with the same parent are
  /// the variants at that place (regenerated replies, edited questions, the replies of a
  /// compare), and exactly one of them is `selected`. The transcript, the active path,
  /// starts at the selected root and follows the selected child of each message.
  /// `position` is a message's depth in the tree, so it is also its index in the path.
  ///
  /// Moving a version 2 database loses nothing: a message at position `p` becomes a child of
  /// the message shown at the position before (the selected one, else the newest, as the
  /// transcript showed it), so every variant hangs under the message the transcript showed
  /// above it and the transcript reads exactly as before. Positions are renumbered as
  /// depths (a gap, which orchat never wrote, closes), a place with no selected message
  /// gets its newest selected, and `message_count` becomes the length of the path, which the
  /// store keeps from now on (triggers keep the costs, which count every message).
  static func migrateToTree(_ db: Database) throws {
    try db.execute(
      sql: """
        DROP TRIGGER message_totals_insert;
        DROP TRIGGER message_totals_delete;
        DROP TRIGGER message_totals_update;
        DROP INDEX message_selected;
        ALTER TABLE message ADD COLUMN parent_id TEXT REFERENCES message (id) ON DELETE CASCADE;
        """)
    struct Row {
      var id: String
      var session: String
      var position: Int
      var selected: Bool
    }
    let rows = try GRDB.Row.fetchAll(
      db,
      sql: """
        SELECT id, session_id, position, selected FROM message
        ORDER BY session_id, position, created_at, rowid
        """
    ).map {
      Row(
        id: $0["id"], session: $0["session_id"], position: $0["position"], selected: $0["selected"])
    }
    let update = try db.makeStatement(
      sql: "UPDATE message SET parent_id = ?, position = ?, selected = ? WHERE id = ?")
    var index = 0
    var session = ""
    var shownAbove: String?
    var depth = 0
    while index < rows.count {
      if rows[index].session != session {
        session = rows[index].session
        shownAbove = nil
        depth = 0
      }
      var end = index
      while end < rows.count, rows[end].session == session,
        rows[end].position == rows[index].position
      {
        end += 1
      }
      let group = rows[index..<end]
      let shown = group.last(where: \.selected)?.id ?? group[end - 1].id
      for row in group {
        try update.execute(arguments: [shownAbove, depth, row.id == shown, row.id])
      }
      shownAbove = shown
      depth += 1
      index = end
    }
    try db.execute(sql: treeIndexesAndTotals)
  }

  private static let treeIndexesAndTotals = """
    CREATE UNIQUE INDEX message_selected_child
      ON message (session_id, COALESCE(parent_id, '')) WHERE selected = 1;
    CREATE INDEX message_children ON message (parent_id, created_at);
    CREATE INDEX message_roots ON message (session_id, created_at) WHERE parent_id IS NULL;

    -- Costs count every message, on every branch; message_count (the active path's length)
    -- is set by the store whenever the path changes.
    CREATE TRIGGER message_cost_insert AFTER INSERT ON message BEGIN
      UPDATE session SET
        cost_picos = cost_picos + COALESCE(new.cost_picos, 0),
        priced_messages = priced_messages + (new.cost_picos IS NOT NULL)
      WHERE id = new.session_id;
    END;
    CREATE TRIGGER message_cost_delete AFTER DELETE ON message BEGIN
      UPDATE session SET
        cost_picos = cost_picos - COALESCE(old.cost_picos, 0),
        priced_messages = priced_messages - (old.cost_picos IS NOT NULL)
      WHERE id = old.session_id;
    END;
    CREATE TRIGGER message_cost_update AFTER UPDATE OF cost_picos ON message BEGIN
      UPDATE session SET
        cost_picos = cost_picos - COALESCE(old.cost_picos, 0) + COALESCE(new.cost_picos, 0),
        priced_messages =
          priced_messages - (old.cost_picos IS NOT NULL) + (new.cost_picos IS NOT NULL)
      WHERE id = new.session_id;
    END;

    UPDATE session SET message_count =
      (SELECT COUNT(DISTINCT position) FROM message WHERE session_id = session.id);
    """
}
