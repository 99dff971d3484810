import ChatDomain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import ChatCore

/// Migration `v2-sources` on a database that version 1 wrote: nothing is lost, old replies
/// read as having no sources, and new replies keep theirs.
@Suite struct SourcesMigrationTests {
  /// A database file as orchat wrote it before sources: schema `v1` only, with a session, a
  /// question, an answer with usage, and its request-log row, written by version 1's own SQL.
  static func versionOneDatabase(in directory: TemporaryDirectory) throws -> URL {
    let url = directory.appending("data/orchat.sqlite")
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let queue = try DatabaseQueue(path: url.path)
    try SessionStore.migrator.migrate(queue, upTo: "v1")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO session (id, title, agent, created_at, updated_at)
          VALUES ('s-old', 'Before sources', 'assistant', 1770000000000, 1770000001000);
          INSERT INTO message (id, session_id, position, selected, role, content, agent, model,
            status, created_at)
          VALUES ('m-q', 's-old', 0, 1, 'user', 'What is new in Swift?', 'assistant',
            'openai/gpt-5', 'complete', 1770000000000);
          INSERT INTO message (id, session_id, position, selected, role, content, agent, model,
            served_model, status, finish_reason, prompt_tokens, completion_tokens, total_tokens,
            reasoning_tokens, cached_tokens, cost_picos, generation_id, ttft_ms, duration_ms,
            created_at)
          VALUES ('m-a', 's-old', 1, 1, 'assistant', 'Swift 6.2.', 'assistant', 'openai/gpt-5',
            'openai/gpt-5', 'complete', 'stop', 10, 5, 15, 0, 4, 1230000, 'gen-old', 300, 900,
            1770000001000);
          INSERT INTO request_log (started_at, endpoint, session_id, message_id, agent, model,
            served_model, outcome, http_status, attempts, duration_ms, prompt_tokens,
            completion_tokens, reasoning_tokens, cached_tokens, cost_picos)
          VALUES (1770000000500, '/chat/completions', 's-old', 'm-a', 'assistant',
            'openai/gpt-5', 'openai/gpt-5', 'ok', 200, 1, 900, 10, 5, 0, 4, 1230000);
          """)
    }
    return url
  }

  @Test func aVersionOneDatabaseKeepsEverythingAndGainsSources() async throws {
    let directory = try TemporaryDirectory()
    let url = try Self.versionOneDatabase(in: directory)
    let store = try await SessionStore.open(at: url, leasesDirectory: directory.appending("leases"))
    let applied = try await store.pool.read { try SessionStore.migrator.appliedMigrations($0) }
    #expect(applied == ["v1", "v2-sources", "v2-attachments", "v3-tree"])
    let messages = try await store.messages(sessionID: "s-old")
    #expect(messages.map(\.content) == ["What is new in Swift?", "Swift 6.2."])
    let answer = try #require(messages.last)
    #expect(answer.citations == [])
    #expect(answer.provider == nil)
    #expect(
      answer.usage
        == TokenUsage(
          promptTokens: 10, completionTokens: 5, totalTokens: 15, cachedTokens: 4,
          cost: Decimal(string: "0.00000123")))
    let usage = try await store.usage(groupedBy: .model)
    #expect(usage.total.requests == 1)
    #expect(usage.total.cacheSavings == nil)
    #expect(usage.total.cachedTokens == 4)

    // The session goes on with a reply that cites sources.
    var reply = try await store.startReply(
      sessionID: "s-old", agent: "assistant", model: "openai/gpt-5")
    reply.content = "See the blog.[1]"
    reply.status = .complete
    reply.provider = "OpenAI"
    reply.citations = [Citation(url: "https://www.swift.org/blog/", title: "Blog")]
    reply.usage = TokenUsage(promptTokens: 20, completionTokens: 4, webSearches: 1)
    try await store.finishReply(reply)
    let reopened = try await SessionStore.open(
      at: url, leasesDirectory: directory.appending("leases"))
    let stored = try await reopened.messages(sessionID: "s-old")
    #expect(stored.count == 3)
    #expect(stored.last == reply)
    // Deleting the session takes its sources with it.
    try await reopened.deleteSession(id: "s-old")
    let orphans = try await reopened.pool.read {
      try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM citation")
    }
    #expect(orphans == 0)
  }

  @Test func aRegeneratedReplyKeepsItsOwnSources() async throws {
    let fixture = try await StoreFixture()
    let session = try await fixture.session("s", messages: ["q"])
    var first = try await fixture.store.startReply(sessionID: session.id, agent: "a", model: "m")
    first.status = .complete
    first.content = "one"
    first.citations = [Citation(url: "https://one.example/", title: "One")]
    try await fixture.store.finishReply(first)
    var second = try await fixture.store.startReply(
      sessionID: session.id, parentID: try #require(first.parentID), agent: "a", model: "m")
    second.status = .complete
    second.content = "two"
    second.citations = [
      Citation(url: "https://two.example/", title: "Two"), Citation(url: "https://three.example/"),
    ]
    try await fixture.store.finishReply(second)
    let entry = try #require(try await fixture.store.transcript(sessionID: session.id).last)
    #expect(
      entry.message.citations.map(\.url) == ["https://two.example/", "https://three.example/"])
    #expect(entry.otherVariants.map { $0.citations.map(\.url) } == [["https://one.example/"]])
  }
}
