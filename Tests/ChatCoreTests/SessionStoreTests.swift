import ChatDomain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import ChatCore

@Suite struct SessionStoreTests {
  let fixture: StoreFixture
  var store: SessionStore { fixture.store }

  init() async throws {
    fixture = try await StoreFixture()
  }

  @Test func databaseIsAPrivateWALFileWithForeignKeys() async throws {
    let attributes = try FileManager.default.attributesOfItem(atPath: fixture.databaseURL.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let (mode, foreignKeys) = try await store.pool.read { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
      )
    }
    #expect(mode == "wal")
    #expect(foreignKeys == true)
  }

  @Test func reopeningKeepsTheDataAndTheSchemaVersion() async throws {
    let session = try await fixture.session("Kept", messages: ["hello", "hi"])
    let reopened = try await fixture.reopen()
    #expect(try await reopened.session(id: session.id) == session)
    #expect(try await reopened.messages(sessionID: session.id).count == 2)
    let applied = try await reopened.pool.read { db in
      try SessionStore.migrator.appliedMigrations(db)
    }
    #expect(applied == ["v1", "v2-sources", "v2-attachments", "v3-tree"])
  }

  @Test func listsSessionsMostRecentFirstWithCountsAndCosts() async throws {
    let base = Date(timeIntervalSince1970: 1_770_000_000)
    let old = try await fixture.session("Old", messages: ["a", "b"], at: base)
    let new = try await fixture.session("New", messages: ["c", "d", "e", "f"], at: base + 60)
    let empty = try await store.createSession(title: "Empty", agent: "coder", at: base + 30)
    let list = try await store.listSessions()
    #expect(list.map(\.session.id) == [new.id, empty.id, old.id])
    #expect(list.map(\.messageCount) == [4, 0, 2])
    #expect(list.map(\.cost) == [Decimal(string: "0.0025"), nil, Decimal(string: "0.00125")])
    #expect(try await store.listSessions(SessionQuery(limit: 1)).map(\.session.id) == [new.id])
  }

  /// The totals the triggers keep on each session equal the totals computed from its
  /// messages, whatever happened to them.
  @Test func sessionTotalsKeptByTriggersMatchTheMessages() async throws {
    let first = try await fixture.session("One", messages: ["a", "b", "c", "d"])
    try await fixture.session("Two", messages: ["a"])
    let last = try #require(try await store.messages(sessionID: first.id).last)
    var variant = try await store.startReply(
      sessionID: first.id, parentID: try #require(last.parentID), agent: "a", model: "m")
    try await store.checkpointReply(id: variant.id, content: "partial", reasoning: nil)
    variant.status = .complete
    variant.usage = TokenUsage(cost: Decimal(string: "0.5"))
    try await store.finishReply(variant)
    try await store.selectVariant(messageID: last.id)
    let archive = try await store.exportSessions(ids: [first.id])
    try await store.deleteSession(id: first.id)
    _ = try await store.importSessions(archive)
    let (kept, computed) = try store.pool.read { db in
      (
        try Row.fetchAll(
          db,
          sql: "SELECT id, message_count, cost_picos, priced_messages FROM session ORDER BY id"),
        try Row.fetchAll(
          db,
          sql: """
            SELECT s.id, COALESCE(MAX(m.position) + 1, 0) AS message_count,
              COALESCE(SUM(m.cost_picos), 0) AS cost_picos,
              COUNT(m.cost_picos) AS priced_messages
            FROM session s LEFT JOIN message m ON m.session_id = s.id
            GROUP BY s.id ORDER BY s.id
            """)
      )
    }
    #expect(kept == computed)
    #expect(kept.count == 2)
    let summary = try #require(try await store.listSessions().first { $0.id == first.id })
    #expect(summary.messageCount == 4)
    #expect(summary.cost == Decimal(string: "0.5025"))
  }

  @Test func lastAndPrefixesResolveToSessions() async throws {
    let first = try await fixture.session(
      "First", messages: ["x"], at: Date(timeIntervalSince1970: 100))
    let second = try await fixture.session(
      "Second", messages: ["y"], at: Date(timeIntervalSince1970: 200))
    #expect(try await store.resolveSession("last") == second)
    #expect(try await store.resolveSession(first.id) == first)
    #expect(try await store.resolveSession(String(first.id.prefix(12)).uppercased()) == first)
    let missing = try await #require(throws: ChatError.self) {
      try await store.resolveSession("zzz")
    }
    #expect(missing.kind == .notFound)
    try await store.setArchived(true, sessionID: second.id)
    #expect(try await store.resolveSession("last") == first)
  }

  @Test func anAmbiguousPrefixAsksForMore() async throws {
    var ids: [String] = []
    while Set(ids.map { $0.prefix(1) }).count == ids.count {
      ids.append(try await store.createSession(title: "t", agent: "a").id)
    }
    let shared = ids.map { String($0.prefix(1)) }.first { prefix in
      ids.filter { $0.hasPrefix(prefix) }.count > 1
    }
    let prefix = try #require(shared)
    let error = try await #require(throws: ChatError.self) {
      try await store.resolveSession(prefix)
    }
    #expect(error.kind == .invalidInput)
    #expect(error.message.contains("matches several sessions"))
  }

  @Test func renameNormalisesTheTitle() async throws {
    let session = try await fixture.session("Before", messages: [])
    try await store.renameSession(id: session.id, to: "  After\n  the   rename ")
    #expect(try await store.session(id: session.id)?.title == "After the rename")
    await #expect(throws: ChatError.self) {
      try await store.renameSession(id: session.id, to: " \n ")
    }
    await #expect(throws: ChatError.self) { try await store.renameSession(id: "nope", to: "x") }
  }

  @Test func deletingASessionDeletesItsMessagesButKeepsTheRequestLog() async throws {
    let session = try await fixture.session("Doomed", messages: ["a", "b"])
    try await store.logRequest(
      RequestLogEntry(
        startedAt: Date(), endpoint: RequestLogEntry.chatEndpoint, sessionID: session.id,
        outcome: .ok, durationMilliseconds: 5))
    try await store.deleteSession(id: session.id)
    #expect(try await store.session(id: session.id) == nil)
    #expect(try await store.messages(sessionID: session.id).isEmpty)
    let log = try await store.requestLog()
    #expect(log.count == 1)
    #expect(log[0].sessionID == nil)
    #expect(try await store.searchMessages("a").isEmpty)
  }

  @Test func titlesComeFromTheFirstLineOfTheFirstMessage() {
    #expect(SessionTitle.from(message: "\n\n  Fix   the parser\nsecond line") == "Fix the parser")
    #expect(SessionTitle.from(message: "   \n ") == "Untitled")
    let long = SessionTitle.from(message: String(repeating: "word ", count: 40))
    #expect(long.count == 80)
    #expect(long.hasSuffix("…"))
  }

  @Test func variantsKeepEarlierRepliesWithOneSelected() async throws {
    let session = try await fixture.session("Variants", messages: ["question", "first answer"])
    let first = try #require(try await store.messages(sessionID: session.id).last)
    var second = try await store.startReply(
      sessionID: session.id, parentID: try #require(first.parentID), agent: "assistant",
      model: "m")
    second.content = "second answer"
    second.status = .complete
    try await store.finishReply(second)
    var transcript = try await store.transcript(sessionID: session.id)
    #expect(transcript.map(\.message.content) == ["question", "second answer"])
    #expect(transcript[1].otherVariants.map(\.content) == ["first answer"])
    try await store.selectVariant(messageID: first.id)
    transcript = try await store.transcript(sessionID: session.id)
    #expect(transcript[1].message.id == first.id)
    #expect(transcript[1].otherVariants.map(\.id) == [second.id])
  }

  @Test func aFileInPlaceOfTheDataDirectoryIsAClearError() async throws {
    let blocker = try fixture.directory.write("not a directory", to: "blocked")
    let error = try await #require(throws: ChatError.self) {
      try await SessionStore.open(
        at: blocker.appendingPathComponent("orchat.sqlite"),
        leasesDirectory: fixture.directory.appending("leases"))
    }
    #expect(error.kind == .storage)
    #expect(error.userMessage == "\(blocker.path) is a file, not a directory")
  }

  @Test func aFullDiskIsAClearErrorAndLosesNothingSaved() async throws {
    let session = try await fixture.session("Full", messages: ["kept"])
    // SQLite reports SQLITE_FULL when the file may not grow: the same path as a full disk.
    try await store.pool.writeWithoutTransaction { db in
      let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
      try db.execute(sql: "PRAGMA max_page_count = \(pages)")
    }
    let big = String(repeating: "x", count: 200_000)
    let error = try await #require(throws: ChatError.self) {
      _ = try await store.appendUserMessage(
        sessionID: session.id, content: big, agent: nil, model: nil)
    }
    #expect(error.kind == .storage)
    #expect(error.message.contains("the disk is full"))
    #expect(try await store.messages(sessionID: session.id).map(\.content) == ["kept"])
  }
}
