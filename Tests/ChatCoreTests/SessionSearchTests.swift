import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCore

@Suite struct SessionSearchTests {
  let fixture: StoreFixture
  var store: SessionStore { fixture.store }

  init() async throws {
    fixture = try await StoreFixture()
  }

  @Test func findsSessionsByMessageContentAndTitle() async throws {
    let parser = try await fixture.session(
      "Parser work", messages: ["How do I write a tokenizer?", "Start with a state machine."])
    let cooking = try await fixture.session(
      "Dinner", messages: ["Recipe for risotto", "Use arborio rice and warm stock."])
    let tokens = try await fixture.session("Tokenizer notes", messages: ["unrelated"])
    let byContent = try await store.listSessions(SessionQuery(search: "arborio"))
    #expect(byContent.map(\.session.id) == [cooking.id])
    let byWordStart = try await store.listSessions(SessionQuery(search: "tokeniz"))
    #expect(Set(byWordStart.map(\.session.id)) == [parser.id, tokens.id])
    let allWords = try await store.listSessions(SessionQuery(search: "state machine"))
    #expect(allWords.map(\.session.id) == [parser.id])
    #expect(try await store.listSessions(SessionQuery(search: "machine risotto")).isEmpty)
  }

  @Test func searchIgnoresCaseAndAccents() async throws {
    let session = try await fixture.session("Café", messages: ["Crème brûlée"])
    #expect(
      try await store.listSessions(SessionQuery(search: "CREME BRULEE")).map(\.session.id) == [
        session.id
      ])
    #expect(
      try await store.listSessions(SessionQuery(search: "cafe")).map(\.session.id) == [session.id])
  }

  @Test func queryTextNeverBreaksTheSearch() async throws {
    try await fixture.session("Ops", messages: ["AND OR NOT \"quoted\" (x) col:umn -minus *"])
    for query in ["\"", "AND", "col:umn", "-minus", "(x", "*", "NEAR(", "\"quoted"] {
      _ = try await store.listSessions(SessionQuery(search: query))
      _ = try await store.searchMessages(query)
    }
    #expect(try await store.listSessions(SessionQuery(search: "col:umn")).count == 1)
    #expect(try await store.listSessions(SessionQuery(search: "!!!")).isEmpty)
  }

  @Test func messageHitsComeNewestFirstWithSnippets() async throws {
    let base = Date(timeIntervalSince1970: 1_770_000_000)
    let older = try await fixture.session("A", messages: ["the quick fox"], at: base)
    let newer = try await fixture.session("B", messages: ["a lazy fox sleeps"], at: base + 10)
    let hits = try await store.searchMessages("fox", limit: 10)
    #expect(hits.map(\.sessionID) == [newer.id, older.id])
    #expect(hits[0].snippet == "a lazy [fox] sleeps")
    #expect(hits[0].sessionTitle == "B")
    #expect(try await store.searchMessages("fox", limit: 1).count == 1)
  }

  @Test func aStreamingReplyIsIndexedWhenItEnds() async throws {
    let session = try await fixture.session("Live", messages: ["question"])
    var reply = try await store.startReply(sessionID: session.id, agent: "a", model: "m")
    try await store.checkpointReply(id: reply.id, content: "partial zebra", reasoning: nil)
    #expect(try await store.searchMessages("zebra").isEmpty)
    reply.content = "final zebra giraffe"
    reply.status = .complete
    try await store.finishReply(reply)
    #expect(try await store.searchMessages("giraffe").map(\.messageID) == [reply.id])
    #expect(try await store.searchMessages("zebra").map(\.messageID) == [reply.id])
    #expect(try await store.searchMessages("partial").isEmpty)
  }

  @Test func renamedTitlesAreSearchable() async throws {
    let session = try await fixture.session("Before", messages: ["x"])
    try await store.renameSession(id: session.id, to: "Quarterly report")
    #expect(
      try await store.listSessions(SessionQuery(search: "quarterly")).map(\.session.id) == [
        session.id
      ])
    #expect(try await store.listSessions(SessionQuery(search: "before")).isEmpty)
  }

  @Test func archivedSessionsAreLeftOutUnlessAskedFor() async throws {
    let session = try await fixture.session("Hidden walrus", messages: ["x"])
    try await store.setArchived(true, sessionID: session.id)
    #expect(try await store.listSessions(SessionQuery(search: "walrus")).isEmpty)
    #expect(try await store.listSessions().isEmpty)
    let all = try await store.listSessions(SessionQuery(search: "walrus", includeArchived: true))
    #expect(all.map(\.session.isArchived) == [true])
  }
}
