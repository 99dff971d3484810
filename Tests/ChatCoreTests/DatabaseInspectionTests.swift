import ChatDomain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import ChatCore

/// What `orchat doctor` and the shell completions read from the database: read-only, and
/// nothing when there is no database.
@Suite struct DatabaseInspectionTests {
  @Test func noDatabaseIsNotAProblemAndNothingIsCreated() throws {
    let directory = try TemporaryDirectory()
    let url = directory.appending("data/orchat.sqlite")
    #expect(SessionStore.inspect(at: url) == nil)
    #expect(SessionStore.recentSessionIDs(at: url).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: url.path))
    #expect(!FileManager.default.fileExists(atPath: directory.appending("data").path))
  }

  @Test func aSoundDatabaseReportsItsSizeAndSessions() async throws {
    let fixture = try await StoreFixture()
    let older = try await fixture.session(
      "older", messages: ["a", "b"], at: Date(timeIntervalSince1970: 1000))
    let newer = try await fixture.session(
      "newer", messages: ["c"], at: Date(timeIntervalSince1970: 2000))
    let health = try #require(SessionStore.inspect(at: fixture.databaseURL))
    #expect(health.problems.isEmpty)
    #expect(health.sessionCount == 2)
    #expect(health.sizeInBytes > 0)
    #expect(health.isPrivate)
    #expect(SessionStore.recentSessionIDs(at: fixture.databaseURL) == [newer.id, older.id])
    #expect(SessionStore.recentSessionIDs(at: fixture.databaseURL, limit: 1) == [newer.id])
  }

  @Test func aFileThatIsNotADatabaseIsOneProblem() throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write(
      String(repeating: "not sqlite ", count: 500), to: "orchat.sqlite", mode: 0o644)
    let health = try #require(SessionStore.inspect(at: url))
    #expect(health.problems == ["the file is not an SQLite database"])
    #expect(!health.isPrivate)
    #expect(SessionStore.recentSessionIDs(at: url).isEmpty)
  }

  @Test func aDamagedPageIsFoundByTheQuickCheck() throws {
    let directory = try TemporaryDirectory()
    let url = directory.appending("damaged.sqlite")
    // A rollback-journal database (no WAL), so every page is in the main file.
    let queue = try DatabaseQueue(path: url.path)
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE session (id TEXT PRIMARY KEY, body TEXT)")
      for index in 0..<400 {
        try db.execute(
          sql: "INSERT INTO session VALUES (?, ?)",
          arguments: ["id-\(index)", String(repeating: "x", count: 200)])
      }
    }
    try queue.close()
    // Overwrite the middle of the file (leaf pages of the table and its index) with junk.
    let handle = try FileHandle(forUpdating: url)
    let size = try handle.seekToEnd()
    try handle.seek(toOffset: size / 2)
    try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096 * 3))
    try handle.close()
    let health = try #require(SessionStore.inspect(at: url))
    #expect(!health.problems.isEmpty)
  }

  @Test func theSQLiteVersionIsKnown() throws {
    let version = try #require(SessionStore.sqliteVersion())
    #expect(version.hasPrefix("3."))
  }
}
