import ChatDomain
import Foundation
import OpenRouter
import TestSupport
import Testing

@testable import ChatCore

/// Branches: an edited question starts a new branch and keeps the old one; a reply asked
/// again in the middle keeps the later messages on its old variant's branch; requests send
/// only the active path; exports carry the whole tree.
@Suite struct BranchingTests {
  let fixture: StoreFixture
  var store: SessionStore { fixture.store }

  init() async throws {
    fixture = try await StoreFixture()
  }

  static let agent = Agent(name: "tester", model: "openai/gpt-4o")

  func engine(_ stub: StubOpenRouter) -> ConversationEngine {
    ConversationEngine(store: store, client: TestClients.client(for: stub))
  }

  /// q1 a1 q2 a2 q3 a3, through the engine (the stub echoes).
  func conversation(_ engine: ConversationEngine) async throws -> [Message] {
    var sessionID: String?
    for text in ["one", "two", "three"] {
      let outcome = await engine.run(
        ConversationTurn(sessionID: sessionID, agent: Self.agent, text: text)
      ) { _ in }
      sessionID = try #require(outcome.reply).sessionID
    }
    return try await store.transcript(sessionID: try #require(sessionID)).map(\.message)
  }

  @Test func anEditedQuestionStartsABranchAndKeepsTheOldOne() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let engine = engine(stub)
    let path = try await conversation(engine)
    let sessionID = path[0].sessionID
    let edited = await engine.run(
      ConversationTurn(sessionID: sessionID, agent: Self.agent, text: "TWO", replacing: path[2].id)
    ) { _ in }
    #expect(edited.reply?.content == "You said: TWO")
    // The request held the history before the edited message, then the new text.
    let sent = try stub.chatRequests[3].chatRequest()
    #expect(sent.messages.map { $0.content?.text } == ["one", "You said: one", "TWO"])
    let transcript = try await store.transcript(sessionID: sessionID)
    #expect(transcript.map(\.message.content) == ["one", "You said: one", "TWO", "You said: TWO"])
    #expect(transcript[2].otherVariants.map(\.id) == [path[2].id])
    #expect(try await store.listSessions().first?.messageCount == 4)
    // Switching back brings the old continuation back, as it was.
    let back = try await store.switchBranch(to: path[2].id)
    #expect(back.map(\.message.id) == path.map(\.id))
    #expect(back[2].otherVariants.map(\.content) == ["TWO"])
    #expect(try await store.listSessions().first?.messageCount == 6)
    // The next message continues the branch on screen, and sends only that path.
    _ = await engine.run(ConversationTurn(sessionID: sessionID, agent: Self.agent, text: "four")) {
      _ in
    }
    let last = try stub.chatRequests[4].chatRequest()
    #expect(
      last.messages.map { $0.content?.text }
        == ["one", "You said: one", "two", "You said: two", "three", "You said: three", "four"])
  }

  @Test func regeneratingAReplyInTheMiddleKeepsTheLaterMessagesOnItsBranch() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let engine = engine(stub)
    let path = try await conversation(engine)
    let sessionID = path[0].sessionID
    var events: [ConversationEvent] = []
    let recorder = EventRecorder()
    let outcome = await engine.runRegeneration(
      sessionID: sessionID, replyID: path[1].id, agent: Self.agent, onEvent: recorder.record)
    events = recorder.events
    guard case .started(_, nil, let started) = events.first else {
      Issue.record("no start: \(events)")
      return
    }
    #expect(started.parentID == path[0].id)
    #expect(started.position == 1)
    #expect(outcome.reply?.content == "You said: one")
    let sent = try stub.chatRequests[3].chatRequest()
    #expect(sent.messages.map { $0.content?.text } == ["one"])
    let transcript = try await store.transcript(sessionID: sessionID)
    #expect(transcript.map(\.message.id) == [path[0].id, started.id])
    #expect(transcript[1].otherVariants.map(\.id) == [path[1].id])
    // The old reply's branch is all there.
    #expect(
      try await store.switchBranch(to: path[1].id).map(\.message.id) == path.map(\.id))
  }

  @Test func aSearchHitOpensOnItsBranch() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let engine = engine(stub)
    let path = try await conversation(engine)
    let sessionID = path[0].sessionID
    _ = await engine.run(
      ConversationTurn(
        sessionID: sessionID, agent: Self.agent, text: "other", replacing: path[0].id)
    ) { _ in }
    // "three" is off the path now, yet search finds it.
    let hit = try #require(try await store.searchMessages("three").first { $0.role == .user })
    #expect(hit.messageID == path[4].id)
    try await store.selectBranch(containing: hit.messageID)
    #expect(try await store.transcript(sessionID: sessionID).map(\.message.id) == path.map(\.id))
  }

  /// A tree with branches at the root, in the middle and inside a branch survives export →
  /// import → export byte for byte; `messages` stays the active path; Markdown lists the
  /// other branches after the transcript.
  @Test func exportImportRoundTripWithBranches() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let engine = engine(stub)
    let path = try await conversation(engine)
    let sessionID = path[0].sessionID
    let run = { (text: String, replacing: String?) in
      _ = await engine.run(
        ConversationTurn(sessionID: sessionID, agent: Self.agent, text: text, replacing: replacing)
      ) { _ in }
    }
    await run("TWO", path[2].id)
    await run("after TWO", nil)
    let branch = try await store.transcript(sessionID: sessionID)
    _ = await engine.runRegeneration(
      sessionID: sessionID, replyID: branch[3].message.id, agent: Self.agent
    ) { _ in }
    await run("ONE", path[0].id)
    try await store.selectVariant(messageID: path[2].id)
    try await store.selectVariant(messageID: path[0].id)
    #expect(try await store.transcript(sessionID: sessionID).map(\.message.id) == path.map(\.id))

    let exported = try await store.exportAllSessions().encoded()
    let object = try #require(try JSONSerialization.jsonObject(with: exported) as? [String: Any])
    let session = try #require((object["sessions"] as? [[String: Any]])?.first)
    let messages = try #require(session["messages"] as? [[String: Any]])
    #expect(messages.map { $0["content"] as? String } == path.map(\.content))
    let branches = try #require(session["branches"] as? [[String: Any]])
    // TWO's reply (and its variant), "after TWO" and its reply, ONE's reply.
    #expect(branches.count == 5)
    #expect(branches.allSatisfy { $0["parent_id"] is String })

    let other = try await StoreFixture()
    _ = try await other.store.importSessions(try SessionArchive.decode(exported))
    let again = try await other.store.exportAllSessions().encoded()
    #expect(String(decoding: again, as: UTF8.self) == String(decoding: exported, as: UTF8.self))
    #expect(
      try await other.store.messages(sessionID: sessionID)
        == (try await store.messages(sessionID: sessionID)))
    #expect(try await other.store.listSessions().first?.messageCount == 6)

    let markdown = MarkdownTranscript.render(
      try #require(try await store.session(id: sessionID)),
      messages: try await store.messages(sessionID: sessionID))
    let tail = try #require(markdown.range(of: "# Other branches"))
    #expect(markdown[..<tail.lowerBound].contains("You said: three"))
    #expect(!markdown[..<tail.lowerBound].contains("after TWO"))
    #expect(markdown.contains("## Branch 1 · instead of message 1\n\n### You"))
    #expect(markdown.contains("## Branch 2 · instead of message 3\n\n### You"))
    #expect(markdown.contains("· instead of message 4 of branch 2\n"))
    for text in ["ONE", "TWO", "after TWO", "You said: after TWO"] {
      #expect(markdown[tail.upperBound...].contains(text))
    }
  }

  @Test func aBranchWithAnUnknownParentIsRefused() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let engine = engine(stub)
    let path = try await conversation(engine)
    _ = await engine.run(
      ConversationTurn(
        sessionID: path[0].sessionID, agent: Self.agent, text: "TWO", replacing: path[2].id)
    ) { _ in }
    try await store.selectVariant(messageID: path[2].id)
    var archive = try await store.exportAllSessions()
    archive.sessions[0].branches[0].parentID = "nowhere"
    let other = try await StoreFixture()
    let error = try await #require(throws: ChatError.self) {
      _ = try await other.store.importSessions(archive)
    }
    #expect(
      error.message
        == "sessions[0].branches[0].parent_id: no message \"nowhere\" before it in this session")
  }
}
