import ChatDomain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import ChatCore

/// Migration `v3-tree` on a database that version 2 wrote (positions and selected variants):
/// every message is kept, each hangs under the message the transcript showed before it, the
/// transcripts read exactly as before, and the totals stay right.
@Suite struct TreeMigrationTests {
  /// A database as orchat wrote it before trees: schemas `v1` and `v2-sources` only, filled
  /// by version 2's own SQL. Session `s-a`: a question (0), two answers at 1 (the second
  /// selected, the first with a cost), a follow-up (2) and its answer (3), then three
  /// answers at 4 with none selected (the schema allowed it; the newest was shown). Session
  /// `s-b`: one question.
  static func versionTwoDatabase(in directory: TemporaryDirectory) throws -> URL {
    let url = directory.appending("data/orchat.sqlite")
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let queue = try DatabaseQueue(path: url.path)
    try SessionStore.migrator.migrate(queue, upTo: "v2-attachments")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO session (id, title, agent, created_at, updated_at)
          VALUES ('s-a', 'Before trees', 'assistant', 1770000000000, 1770000009000),
                 ('s-b', 'Short', 'coder', 1770000000000, 1770000000000);
          INSERT INTO message (id, session_id, position, selected, role, content, status,
            cost_picos, created_at)
          VALUES
            ('q1', 's-a', 0, 1, 'user', 'first question', 'complete', NULL, 1770000000000),
            ('a1-old', 's-a', 1, 0, 'assistant', 'an older answer', 'error', 2000000,
              1770000001000),
            ('a1', 's-a', 1, 1, 'assistant', 'the answer', 'complete', 3000000, 1770000002000),
            ('q2', 's-a', 2, 1, 'user', 'second question', 'complete', NULL, 1770000003000),
            ('a2', 's-a', 3, 1, 'assistant', 'second answer', 'complete', NULL, 1770000004000),
            ('q3', 's-a', 4, 1, 'user', 'third question', 'complete', NULL, 1770000005000),
            ('a3-x', 's-a', 5, 0, 'assistant', 'third x', 'complete', NULL, 1770000006000),
            ('a3-y', 's-a', 5, 0, 'assistant', 'third y', 'cancelled', NULL, 1770000007000),
            ('a3-z', 's-a', 5, 0, 'assistant', 'third z', 'complete', NULL, 1770000008000),
            ('b1', 's-b', 0, 1, 'user', 'only question', 'complete', NULL, 1770000000000);
          """)
      // What version 2's triggers kept: selected messages and every cost.
      let counts = try Row.fetchAll(
        db, sql: "SELECT id, message_count, cost_picos FROM session ORDER BY id")
      #expect(counts.map { $0["message_count"] as Int } == [5, 1])
      #expect(counts.map { $0["cost_picos"] as Int64 } == [5_000_000, 0])
    }
    try queue.close()
    return url
  }

  @Test func aVersionTwoDatabaseBecomesATreeLosingNothing() async throws {
    let directory = try TemporaryDirectory()
    let url = try Self.versionTwoDatabase(in: directory)
    let store = try await SessionStore.open(at: url, leasesDirectory: directory.appending("leases"))
    let applied = try await store.pool.read { try SessionStore.migrator.appliedMigrations($0) }
    #expect(applied == ["v1", "v2-sources", "v2-attachments", "v3-tree"])

    let messages = try await store.messages(sessionID: "s-a")
    #expect(messages.count == 9)
    let parents = Dictionary(uniqueKeysWithValues: messages.map { ($0.id, $0.parentID) })
    #expect(
      parents == [
        "q1": nil, "a1-old": "q1", "a1": "q1", "q2": "a1", "a2": "q2", "q3": "a2",
        "a3-x": "q3", "a3-y": "q3", "a3-z": "q3",
      ])
    // The transcript reads as version 2 showed it: the selected message of each position,
    // else the newest, with the same variants.
    let transcript = try await store.transcript(sessionID: "s-a")
    #expect(transcript.map(\.message.id) == ["q1", "a1", "q2", "a2", "q3", "a3-z"])
    #expect(transcript.map(\.message.position) == [0, 1, 2, 3, 4, 5])
    #expect(transcript[1].otherVariants.map(\.id) == ["a1-old"])
    #expect(transcript[5].otherVariants.map(\.id) == ["a3-x", "a3-y"])
    // The place that had nothing selected now has its newest selected, once.
    #expect(messages.filter { $0.parentID == "q3" && $0.isSelected }.map(\.id) == ["a3-z"])
    #expect(try await store.transcript(sessionID: "s-b").map(\.message.id) == ["b1"])

    let summaries = try await store.listSessions()
    #expect(summaries.map(\.session.id) == ["s-a", "s-b"])
    #expect(summaries.map(\.messageCount) == [6, 1])
    #expect(summaries[0].cost == Decimal(string: "0.000005"))
    // Search still finds every message, variants included.
    #expect(try await store.searchMessages("older").map(\.messageID) == ["a1-old"])

    // The session goes on: a new message hangs under the end of the path, and the count
    // follows the path.
    let next = try await store.appendUserMessage(
      sessionID: "s-a", content: "fourth", agent: nil, model: nil)
    #expect(next.parentID == "a3-z")
    #expect(next.position == 6)
    #expect(try await store.listSessions().first?.messageCount == 7)
  }

  /// A variant of the first answer is selected after the migration: the later messages
  /// belong to the other answer's branch, which is kept.
  @Test func selectingAMigratedVariantShowsItsOwnBranch() async throws {
    let directory = try TemporaryDirectory()
    let url = try Self.versionTwoDatabase(in: directory)
    let store = try await SessionStore.open(at: url, leasesDirectory: directory.appending("leases"))
    let transcript = try await store.switchBranch(to: "a1-old")
    #expect(transcript.map(\.message.id) == ["q1", "a1-old"])
    #expect(try await store.listSessions().first?.messageCount == 2)
    try await store.selectBranch(containing: "a3-x")
    #expect(
      try await store.transcript(sessionID: "s-a").map(\.message.id)
        == ["q1", "a1", "q2", "a2", "q3", "a3-x"])
  }
}
