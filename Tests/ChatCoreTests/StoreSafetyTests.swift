import ChatDomain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import ChatCore

/// The session database among other processes and other versions: a newer schema is left
/// alone, concurrent creation keeps one file, readers see dead writers' replies as
/// interrupted, titles are stored clean.
@Suite struct StoreSafetyTests {
  let fixture: StoreFixture
  var store: SessionStore { fixture.store }

  init() async throws {
    fixture = try await StoreFixture()
  }

  /// A reply left streaming by a process that has ended (its lease file is gone).
  func abandonedReply(in session: Session) async throws -> Message {
    let reply = try await store.startReply(sessionID: session.id, agent: "a", model: "m")
    try await store.checkpointReply(id: reply.id, content: "half an answ", reasoning: nil)
    try await store.pool.write { db in
      try db.execute(
        sql: "UPDATE message SET writer_lease = 'ended-process' WHERE id = ?",
        arguments: [reply.id])
    }
    return reply
  }

  // MARK: - A newer orchat's database

  @Test func aDatabaseFromANewerOrchatIsRefusedAndLeftUntouched() async throws {
    let session = try await fixture.session("S", messages: ["q"])
    let reply = try await abandonedReply(in: session)
    try await store.pool.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-from-the-future')")
    }
    let error = try await #require(throws: ChatError.self) { try await fixture.reopen() }
    #expect(error.kind == .storage)
    #expect(error.message.contains("was written by a newer version of orchat"))
    #expect(error.message.contains("v2-from-the-future"))
    // Not migrated, not recovered: the abandoned reply is still as the newer version left it.
    var readOnly = Configuration()
    readOnly.readonly = true
    let queue = try DatabaseQueue(path: fixture.databaseURL.path, configuration: readOnly)
    let status = try await queue.read { db in
      try String.fetchOne(db, sql: "SELECT status FROM message WHERE id = ?", arguments: [reply.id])
    }
    #expect(status == "streaming")
  }

  // MARK: - Creating the database

  /// Many processes' worth of stores create the same new database at once; every session
  /// each of them writes is in the one file that remains.
  @Test func storesCreatingTheDatabaseAtOnceShareOneFile() async throws {
    for round in 0..<10 {
      let directory = try TemporaryDirectory(prefix: "orchat-race")
      let url = directory.appending("data/orchat.sqlite")
      let leases = directory.appending("leases")
      let count = 6
      let created = try await withThrowingTaskGroup(of: String.self) { group in
        for index in 0..<count {
          group.addTask {
            let store = try await SessionStore.open(at: url, leasesDirectory: leases)
            return try await store.createSession(title: "s\(index)", agent: "a").id
          }
        }
        return try await group.reduce(into: Set<String>()) { $0.insert($1) }
      }
      let reopened = try await SessionStore.open(at: url, leasesDirectory: leases)
      let listed = Set(try await reopened.listSessions().map(\.session.id))
      #expect(listed == created, "round \(round)")
    }
  }

  @Test func theDatabaseIsCreatedPrivate() throws {
    let mode =
      try FileManager.default.attributesOfItem(atPath: fixture.databaseURL.path)[
        .posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
  }

  // MARK: - Replies whose writer died

  /// A long-lived process (the full-screen app) reads what a fresh command would: the
  /// reply of a writer that died after the store opened is interrupted.
  @Test func readersSeeADeadWritersReplyAsInterrupted() async throws {
    let session = try await fixture.session("S", messages: ["q"])
    let reader = try await fixture.reopen()
    let reply = try await abandonedReply(in: session)
    let shown = try #require(try await reader.transcript(sessionID: session.id).last?.message)
    #expect(shown.id == reply.id)
    #expect(shown.status == .interrupted)
    #expect(shown.error == "orchat stopped before the reply finished")
    let exported = try await reader.exportSessions(ids: [session.id])
    #expect(exported.sessions[0].messages.last?.status == .interrupted)
    #expect(try await reader.exportAllSessions() == exported)
  }

  @Test func exportImportExportIsIdenticalForAnInterruptedReply() async throws {
    let session = try await fixture.session("S", messages: ["q"])
    _ = try await abandonedReply(in: session)
    let first = try await store.exportAllSessions().encoded()
    let elsewhere = try await StoreFixture()
    _ = try await elsewhere.store.importSessions(try SessionArchive.decode(first))
    let second = try await elsewhere.store.exportAllSessions().encoded()
    #expect(String(decoding: second, as: UTF8.self) == String(decoding: first, as: UTF8.self))
  }

  // MARK: - Titles

  @Test func titlesAreStoredWithoutControlCharacters() async throws {
    let hostile = "\u{1B}]0;pwned\u{07}My\u{202E} title\u{200B}\u{9B}2J\r\n"
    let created = try await store.createSession(title: hostile, agent: "a")
    #expect(created.title == "My title")
    try await store.renameSession(id: created.id, to: "re\u{1B}[31mnamed\u{7}")
    #expect(try await store.session(id: created.id)?.title == "renamed")
    var archive = try await store.exportSessions(ids: [created.id])
    archive.sessions[0].id = "imported"
    archive.sessions[0].messages = []
    archive.sessions[0].title = hostile
    let imported = try await StoreFixture().store
    let sessions = try await imported.importSessions(archive)
    #expect(sessions.map(\.title) == ["My title"])
    #expect(try await imported.session(id: "imported")?.title == "My title")
    #expect(
      SessionTitle.from(message: "\u{1B}]0;x\u{07}\n\u{200B}\nhello\u{202E} there") == "hello there"
    )
  }
}
