import ChatDomain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import ChatCore

@Suite struct SessionArchiveTests {
  let fixture: StoreFixture
  var store: SessionStore { fixture.store }

  init() async throws {
    fixture = try await StoreFixture()
  }

  /// Two sessions with every kind of value: usage with cached and reasoning tokens and an
  /// exact cost, reasoning text, an error reply, a regenerated reply, unicode, an archive flag.
  func populate() async throws -> [Session] {
    let base = Date(timeIntervalSince1970: 1_770_000_000.123)
    let first = try await fixture.session(
      "Ünïcode 🚀 title", messages: ["q1", "a1", "q2"], at: base)
    var failed = try await store.startReply(
      sessionID: first.id, agent: "coder", model: "anthropic/claude-sonnet-4.6", at: base + 1)
    failed.content = "partial \"quoted\" text\nwith lines"
    failed.status = .error
    failed.error = "The model provider failed; try again"
    failed.finishReason = "error"
    try await store.finishReply(failed, at: base + 2)
    var retry = try await store.startReply(
      sessionID: first.id, parentID: try #require(failed.parentID), agent: "coder",
      model: "openai/gpt-5", at: base + 3)
    retry.content = "full answer"
    retry.reasoning = "thinking it over"
    retry.status = .complete
    retry.servedModel = "openai/gpt-5-2025-08-07"
    retry.finishReason = "stop"
    retry.generationID = "gen-123"
    retry.timeToFirstTokenMilliseconds = 412
    retry.durationMilliseconds = 1530
    retry.usage = TokenUsage(
      promptTokens: 120, completionTokens: 80, totalTokens: 200, reasoningTokens: 30,
      cachedTokens: 64, cost: Decimal(string: "0.000123456789"), webSearches: 2,
      cacheSavings: Decimal(string: "-0.00001"))
    retry.provider = "OpenAI"
    retry.citations = [
      Citation(url: "https://example.org/a", title: "A “quoted” title", startIndex: 0, endIndex: 4),
      Citation(url: "https://example.org/b", title: "", startIndex: 0, endIndex: 0),
      Citation(url: "https://example.org/%C3%A9t%C3%A9", title: "Été"),
    ]
    try await store.finishReply(retry, at: base + 4)
    let second = try await fixture.session(
      "Second", messages: ["hello"], agent: "writer", at: base + 10)
    try await store.setArchived(true, sessionID: second.id)
    return [first, second]
  }

  @Test func exportImportRoundTripIsByteIdentical() async throws {
    _ = try await populate()
    let exported = try await store.exportAllSessions().encoded()
    let other = try await StoreFixture()
    let archive = try SessionArchive.decode(exported)
    let imported = try await other.store.importSessions(archive)
    #expect(imported.count == 2)
    let reexported = try await other.store.exportAllSessions().encoded()
    #expect(
      String(decoding: reexported, as: UTF8.self) == String(decoding: exported, as: UTF8.self))
    #expect(
      try await other.store.transcript(sessionID: imported[0].id)
        == (try await store.transcript(sessionID: imported[0].id)))
    #expect(try await other.store.searchMessages("answer").count == 1)
  }

  @Test func exportHasTheDocumentedShape() async throws {
    let sessions = try await populate()
    let data = try await store.exportSessions(ids: [sessions[0].id]).encoded()
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(object.keys) == ["schema_version", "sessions"])
    #expect(object["schema_version"] as? Int == 2)
    let session = try #require((object["sessions"] as? [[String: Any]])?.first)
    #expect(
      Set(session.keys) == [
        "id", "title", "created_at", "updated_at", "agent", "archived", "messages", "branches",
      ])
    #expect(session["created_at"] as? String == "2026-02-02T02:40:00.123Z")
    let messages = try #require(session["messages"] as? [[String: Any]])
    #expect(messages.count == 4)
    let reply = messages[3]
    #expect(
      Set(reply.keys) == [
        "id", "role", "content", "reasoning", "agent", "model", "served_model", "provider",
        "status", "error", "finish_reason", "usage", "generation_id", "ttft_ms", "duration_ms",
        "created_at", "citations", "variants", "attachments", "parent_id", "selected",
      ])
    #expect(reply["parent_id"] as? String == messages[2]["id"] as? String)
    #expect(reply["selected"] as? Bool == true)
    #expect(messages[0]["parent_id"] is NSNull)
    #expect(reply["model"] as? String == "openai/gpt-5")
    #expect(reply["provider"] as? String == "OpenAI")
    let citations = try #require(reply["citations"] as? [[String: Any]])
    #expect(
      citations.map { Set($0.keys) }
        == Array(repeating: ["url", "title", "start_index", "end_index"], count: 3))
    #expect(
      citations.map { $0["url"] as? String } == [
        "https://example.org/a", "https://example.org/b", "https://example.org/%C3%A9t%C3%A9",
      ])
    #expect(citations[2]["start_index"] is NSNull)
    #expect(reply["served_model"] as? String == "openai/gpt-5-2025-08-07")
    let usage = try #require(reply["usage"] as? [String: Any])
    #expect(
      Set(usage.keys) == [
        "prompt_tokens", "completion_tokens", "total_tokens", "reasoning_tokens", "cached_tokens",
        "cost", "web_searches", "cache_savings",
      ])
    #expect(usage["web_searches"] as? Int == 2)
    #expect(String(decoding: data, as: UTF8.self).contains("\"cost\" : 0.000123456789"))
    let variants = try #require(reply["variants"] as? [[String: Any]])
    #expect(variants.map { $0["status"] as? String } == ["error"])
    #expect(messages[0]["usage"] is NSNull)
  }

  @Test func malformedImportIsRefusedAndWritesNothing() async throws {
    _ = try await populate()
    var archive = try await store.exportAllSessions()
    let other = try await StoreFixture()
    let valid = try archive.encoded()
    // The second session repeats a message id of the first.
    archive.sessions[1].messages[0].id = archive.sessions[0].messages[0].id
    archive.sessions[1].id = "fresh-id"
    let error = try await #require(throws: ChatError.self) {
      _ = try await other.store.importSessions(archive)
    }
    #expect(error.kind == .invalidImport)
    #expect(error.userMessage.contains("sessions[1].messages[0].id: empty or repeated"))
    #expect(try await other.store.listSessions(SessionQuery(includeArchived: true)).isEmpty)
    var text = String(decoding: valid, as: UTF8.self)
    text = text.replacingOccurrences(of: "\"status\" : \"complete\"", with: "\"status\" : \"done\"")
    let badStatus = try #require(throws: ChatError.self) {
      try SessionArchive.decode(Data(text.utf8))
    }
    #expect(
      badStatus.message.hasPrefix("not a valid orchat export: sessions[0].messages[0].status"))
    let notJSON = try #require(throws: ChatError.self) {
      try SessionArchive.decode(Data("{".utf8))
    }
    #expect(notJSON.message == "not a valid orchat export: the file is not JSON")
    let future = try #require(throws: ChatError.self) {
      try SessionArchive.decode(Data(#"{"schema_version": 9, "sessions": []}"#.utf8))
    }
    #expect(future.message == "schema_version 9 is not supported (this orchat reads 1 and 2)")
  }

  @Test func aSourceThatCannotBeLinkedIsRefusedOnImport() async throws {
    _ = try await populate()
    var archive = try await store.exportAllSessions()
    let other = try await StoreFixture()
    archive.sessions[0].messages[3].citations[1].url = "javascript:alert(1)"
    let error = try await #require(throws: ChatError.self) {
      _ = try await other.store.importSessions(archive)
    }
    #expect(
      error.message
        == "sessions[0].messages[3].citations[1].url: not a plain http or https URL")
    #expect(try await other.store.listSessions(SessionQuery(includeArchived: true)).isEmpty)
  }

  @Test func anExportFromBeforeSourcesImportsWithoutThem() async throws {
    // A reply as exports wrote it before provider, citations and the two usage figures.
    let old = #"""
      {"schema_version": 1, "sessions": [{"id": "s1", "title": "Old", "agent": "assistant",
        "archived": false, "created_at": "2026-02-02T02:40:00.123Z",
        "updated_at": "2026-02-02T02:40:00.123Z", "messages": [
        {"id": "m1", "role": "assistant", "content": "hi", "reasoning": null, "agent": null,
         "model": "openai/gpt-5", "served_model": null, "status": "complete", "error": null,
         "finish_reason": "stop", "usage": {"prompt_tokens": 1, "completion_tokens": 2,
         "total_tokens": 3, "reasoning_tokens": 0, "cached_tokens": 0, "cost": 0.5},
         "generation_id": null, "ttft_ms": null, "duration_ms": null,
         "created_at": "2026-02-02T02:40:00.123Z", "variants": []}]}]}
      """#
    let archive = try SessionArchive.decode(Data(old.utf8))
    let imported = try await store.importSessions(archive)
    let reply = try #require(try await store.messages(sessionID: imported[0].id).first)
    #expect(reply.provider == nil)
    #expect(reply.citations == [])
    #expect(reply.usage == TokenUsage(promptTokens: 1, completionTokens: 2, cost: 0.5))
  }

  @Test func aMessageIdAlreadyInTheDatabaseRollsBackTheWholeImport() async throws {
    _ = try await populate()
    var archive = try await store.exportAllSessions()
    archive.sessions[0].id = "new-first"
    archive.sessions[1].id = "new-second"
    let error = try await #require(throws: ChatError.self) {
      _ = try await store.importSessions(archive)
    }
    #expect(error.message.hasPrefix("message "))
    #expect(try await store.session(id: "new-first") == nil)
  }

  @Test func importingAnExistingSessionIsRefused() async throws {
    let sessions = try await populate()
    let archive = try await store.exportSessions(ids: [sessions[0].id])
    let error = try await #require(throws: ChatError.self) {
      _ = try await store.importSessions(archive)
    }
    #expect(
      error.message
        == "session \(sessions[0].id) already exists; delete it first to import it again")
  }

  @Test func markdownHasFrontMatterAndATranscript() async throws {
    let sessions = try await populate()
    let messages = try await store.messages(sessionID: sessions[0].id)
    let markdown = MarkdownTranscript.render(sessions[0], messages: messages)
    #expect(
      markdown.hasPrefix(
        "---\nid: \(sessions[0].id)\ntitle: \"Ünïcode 🚀 title\"\nagent: \"assistant\"\n"))
    #expect(markdown.contains("\nmodel: \"openai/gpt-5-2025-08-07\"\n"))
    #expect(markdown.contains("\nmessages: 4\n"))
    #expect(markdown.contains("\ncost: 0.001373456789\n"))
    #expect(markdown.contains("# Ünïcode 🚀 title\n"))
    #expect(markdown.contains("## You — 2026-02-02 02:40 UTC\n\nq1\n"))
    #expect(markdown.contains("## coder · openai/gpt-5-2025-08-07 — 2026-02-02 02:40 UTC\n"))
    #expect(markdown.contains("<details><summary>Reasoning</summary>\n\nthinking it over\n"))
    #expect(markdown.contains("_Other variant here: branch 1 (below)_"))
    #expect(markdown.contains("\n# Other branches\n\n## Branch 1 · instead of message 4\n"))
    #expect(
      markdown.contains(
        "full answer\n\nSources:\n\n1. [A “quoted” title](https://example.org/a)\n"
          + "2. <https://example.org/b>\n3. [Été](https://example.org/%C3%A9t%C3%A9)\n"))
  }
}
