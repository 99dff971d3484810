import ChatDomain
import Foundation
import OpenRouter
import TestSupport
import Testing

@testable import ChatCore

/// Web search, prompt caching, routing and presets through the engine and the stub: the
/// exact request bodies, and the sources, searches, provider and cache figures of the
/// replies as stored.
@Suite struct WebSearchEngineTests {
  let fixture: StoreFixture
  var store: SessionStore { fixture.store }

  init() async throws {
    fixture = try await StoreFixture()
  }

  func engine(_ stub: StubOpenRouter) -> ConversationEngine {
    ConversationEngine(store: store, client: TestClients.client(for: stub))
  }

  func run(_ stub: StubOpenRouter, _ turn: ConversationTurn) async
    -> (events: [ConversationEvent], outcome: ConversationOutcome)
  {
    let recorder = EventRecorder()
    let outcome = await engine(stub).run(turn, onEvent: recorder.record)
    return (recorder.events, outcome)
  }

  /// The body the stub received for request `index`, with the session id (a fresh UUID)
  /// replaced by `SESSION`.
  func sentBody(_ stub: StubOpenRouter, _ index: Int = 0) throws -> String {
    let captured = try #require(stub.chatRequests.dropFirst(index).first)
    let sessionID = try #require(try captured.chatRequest().sessionID)
    return captured.bodyText.replacingOccurrences(of: sessionID, with: "SESSION")
  }

  // MARK: - Request shapes

  @Test func anAnthropicAgentWithSearchRoutingAndCachingSendsExactlyThis() async throws {
    let stub = try await StubOpenRouter.start()
    let agent = Agent(
      name: "researcher", systemPrompt: "Cite sources.", model: "anthropic/claude-sonnet-4.6",
      maxTokens: 800,
      provider: .init(order: ["anthropic"], zdr: true, maxPrice: .init(prompt: 3, completion: 15)),
      webSearch: .init(engine: "exa", maxResults: 3)
    ).applyingProviderDefaults(.init(dataCollection: "deny", zdr: false))
    let first = await run(stub, ConversationTurn(agent: agent, text: "Swift news?"))
    let session = try #require(first.outcome.reply?.sessionID)
    _ = await run(stub, ConversationTurn(sessionID: session, agent: agent, text: "And Rust?"))
    #expect(
      try sentBody(stub, 0)
        == #"{"max_tokens":800,"messages":[{"content":[{"cache_control":{"type":"ephemeral"},"#
        + #""text":"Cite sources.","type":"text"}],"role":"system"},{"content":[{"cache_control":"#
        + #"{"type":"ephemeral"},"text":"Swift news?","type":"text"}],"role":"user"}],"#
        + #""model":"anthropic/claude-sonnet-4.6","provider":{"data_collection":"deny","#
        + #""max_price":{"completion":15,"prompt":3},"order":["anthropic"],"zdr":true},"#
        + #""session_id":"SESSION","stream":true,"tools":[{"parameters":{"engine":"exa","#
        + #""max_results":3},"type":"openrouter:web_search"}]}"#)
    // The second turn: breakpoints on the system prompt and both user messages; the reply
    // in between stays a plain string.
    #expect(
      try sentBody(stub, 1)
        == #"{"max_tokens":800,"messages":[{"content":[{"cache_control":{"type":"ephemeral"},"#
        + #""text":"Cite sources.","type":"text"}],"role":"system"},{"content":[{"cache_control":"#
        + #"{"type":"ephemeral"},"text":"Swift news?","type":"text"}],"role":"user"},"#
        + #"{"content":"You said: Swift news?","role":"assistant"},{"content":[{"cache_control":"#
        + #"{"type":"ephemeral"},"text":"And Rust?","type":"text"}],"role":"user"}],"#
        + #""model":"anthropic/claude-sonnet-4.6","provider":{"data_collection":"deny","#
        + #""max_price":{"completion":15,"prompt":3},"order":["anthropic"],"zdr":true},"#
        + #""session_id":"SESSION","stream":true,"tools":[{"parameters":{"engine":"exa","#
        + #""max_results":3},"type":"openrouter:web_search"}]}"#)
    await stub.shutdown()
  }

  @Test func aLongGeminiChatMarksOnlyTheSystemPromptAndTheLastTwoUserMessages() async throws {
    let stub = try await StubOpenRouter.start()
    let agent = Agent(name: "g", systemPrompt: "Be brief.", model: "google/gemini-2.5-pro")
    var session: String?
    for text in ["one", "two", "three"] {
      session = await run(stub, ConversationTurn(sessionID: session, agent: agent, text: text))
        .outcome.reply?.sessionID
    }
    let sent = try #require(stub.chatRequests.last).chatRequest()
    let marked = sent.messages.map { message -> String in
      guard case .parts(let parts) = message.content else { return "-" }
      return parts.first?.cacheControl == .ephemeral ? "cached" : "parts"
    }
    #expect(sent.messages.map(\.role) == [.system, .user, .assistant, .user, .assistant, .user])
    #expect(marked == ["cached", "-", "-", "cached", "-", "cached"])
    let texts = sent.messages.map { $0.content?.text ?? "" }
    #expect(texts.last == "three")
    await stub.shutdown()
  }

  @Test func modelsThatCacheByThemselvesAndCacheFalseGetPlainStrings() async throws {
    let stub = try await StubOpenRouter.start()
    let openAI = Agent(name: "o", systemPrompt: "Be brief.", model: "openai/gpt-4.1-mini")
    let noCache = Agent(
      name: "n", systemPrompt: "Be brief.", model: "anthropic/claude-haiku-4.5",
      cachesPrompts: false)
    _ = await run(stub, ConversationTurn(agent: openAI, text: "hi"))
    _ = await run(stub, ConversationTurn(agent: noCache, text: "hi"))
    let expected = { (model: String) in
      #"{"max_tokens":4096,"messages":[{"content":"Be brief.","role":"system"},"#
        + #"{"content":"hi","role":"user"}],"model":"\#(model)","session_id":"SESSION","stream":true}"#
    }
    #expect(try sentBody(stub, 0) == expected("openai/gpt-4.1-mini"))
    #expect(try sentBody(stub, 1) == expected("anthropic/claude-haiku-4.5"))
    await stub.shutdown()
  }

  @Test func aPresetIsPassedThroughWithoutInventedSettings() async throws {
    let stub = try await StubOpenRouter.start()
    let agent = Agent(name: "p", model: "@preset/fast-answers")
    let (_, outcome) = await run(stub, ConversationTurn(agent: agent, text: "hi"))
    #expect(
      try sentBody(stub)
        == #"{"messages":[{"content":"hi","role":"user"}],"model":"@preset/fast-answers","#
        + #""session_id":"SESSION","stream":true}"#)
    // Stored as asked; the model that answered is the preset's.
    #expect(outcome.reply?.model == "@preset/fast-answers")
    #expect(outcome.reply?.servedModel == "openai/gpt-4.1-mini")
    await stub.shutdown()
  }

  @Test func theSessionSwitchOverridesTheAgent() async throws {
    let stub = try await StubOpenRouter.start()
    let searching = Agent(name: "s", model: "openai/gpt-4.1-mini", webSearch: .init(maxResults: 2))
    let plain = Agent(name: "p", model: "openai/gpt-4.1-mini")
    _ = await run(
      stub, ConversationTurn(agent: searching, overrides: .init(webSearch: false), text: "a"))
    _ = await run(
      stub, ConversationTurn(agent: plain, overrides: .init(webSearch: true), text: "b"))
    _ = await run(
      stub, ConversationTurn(agent: searching, overrides: .init(webSearch: true), text: "c"))
    let tools = try stub.chatRequests.map { try $0.chatRequest().tools }
    #expect(tools == [nil, [.webSearch()], [.webSearch(maxResults: 2)]])
    #expect(try sentBody(stub, 1).contains(#""tools":[{"type":"openrouter:web_search"}]"#))
    await stub.shutdown()
  }

  // MARK: - Replies

  @Test func sourcesBeforeTheTextAreStoredWithTheSearchCountAndProvider() async throws {
    let stub = try await StubOpenRouter.start()
    let agent = Agent(name: "s", model: "stub/web-search", webSearch: .init())
    let (events, outcome) = await run(stub, ConversationTurn(agent: agent, text: "docs?"))
    guard case .finished(let reply) = outcome else {
      Issue.record("not finished: \(outcome)")
      return
    }
    let expected = [
      Citation(
        url: "https://www.swift.org/documentation/", title: "Swift Documentation", startIndex: 0,
        endIndex: 0),
      Citation(url: "https://github.com/swiftlang/swift", title: "", startIndex: 0, endIndex: 0),
      Citation(
        url: "https://en.wikipedia.org/wiki/Swift_(programming_language)",
        title: "Swift (programming language) - Wikipedia", startIndex: 0, endIndex: 0),
    ]
    #expect(reply.citations == expected)
    #expect(reply.provider == "OpenAI")
    #expect(reply.usage?.webSearches == 1)
    #expect(reply.usage?.cost == Decimal(string: "0.0076509"))
    // Reported as they came, each time with the whole list so far.
    let reported = events.compactMap { if case .citations(let all) = $0 { all.count } else { nil } }
    #expect(reported == [1, 2, 3])
    let stored = try await fixture.reopen().messages(sessionID: reply.sessionID)
    #expect(stored.last == reply)
    await stub.shutdown()
  }

  @Test func rangedSourcesCachedTokensAndSavingsAreStoredAndLogged() async throws {
    let stub = try await StubOpenRouter.start()
    let agent = Agent(name: "s", model: "stub/web-search-ranged")
    let (_, outcome) = await run(stub, ConversationTurn(agent: agent, text: "release?"))
    let reply = try #require(outcome.reply)
    #expect(reply.citations.count == 1)
    let source = try #require(reply.citations.first)
    let passage = reply.content.unicodeScalars.dropFirst(source.startIndex ?? 0)
      .prefix((source.endIndex ?? 0) - (source.startIndex ?? 0))
    #expect(String(passage) == "([swift.org](https://www.swift.org/blog/))")
    #expect(
      reply.usage
        == TokenUsage(
          promptTokens: 14312, completionTokens: 326, totalTokens: 14638, reasoningTokens: 268,
          cachedTokens: 4352, cost: Decimal(string: "0.0427556"), webSearches: 2,
          cacheSavings: Decimal(string: "0.0098")))
    let report = try await store.usage(groupedBy: .model)
    #expect(report.total.cachedTokens == 4352)
    #expect(report.total.cacheSavings == Decimal(string: "0.0098"))
    #expect(report.total.webSearches == 2)
    await stub.shutdown()
  }

  @Test func sourcesThatCannotBeLinkedAreLeftOut() async throws {
    let stub = try await StubOpenRouter.start()
    let agent = Agent(name: "s", model: "stub/web-search-hostile")
    let (_, outcome) = await run(stub, ConversationTurn(agent: agent, text: "x"))
    // The title keeps its escape sequence here: it is sanitised where it is shown.
    #expect(
      outcome.reply?.citations == [
        Citation(
          url: "https://good.example/page", title: "Good \u{1B}[31mred\u{1B}[0m page",
          startIndex: 0, endIndex: 0)
      ])
    await stub.shutdown()
  }

  @Test func aWholeReplyKeepsItsNumberedSources() async throws {
    let stub = try await StubOpenRouter.start()
    let agent = Agent(name: "s", model: "stub/web-search")
    let (_, outcome) = await run(
      stub, ConversationTurn(agent: agent, text: "docs?", streams: false))
    let reply = try #require(outcome.reply)
    #expect(reply.content == "Swift is documented at swift.org.[1][3]")
    #expect(reply.citations.map(\.url).count == 3)
    #expect(reply.provider == "Perplexity")
    #expect(reply.usage?.webSearches == nil)
    await stub.shutdown()
  }
}
