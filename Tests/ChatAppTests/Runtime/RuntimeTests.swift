import ChatCore
import ChatDomain
import ChatUI
import Foundation
import OpenRouter
import TerminalBackend
import TestSupport
import Testing

@testable import ChatApp

/// The whole app headless: the real run loop, reducer, effect runner, conversation engine,
/// SQLite store and HTTP client, drawn into a scripted terminal. Requests go to an in-memory
/// transport the test answers by hand, so each test steps the loop until the state it
/// expects and asserts there: no sleeps, and every wait has a deadline.
@Suite(.serialized) struct RuntimeTests {
  let home: OrchatHome
  let transport = ScriptedTransport()
  let chunks = StubChunks(model: "openai/gpt-5-mini")

  init() throws {
    try #require(TestLocale.pinUTF8())
    home = try OrchatHome()
  }

  /// The app as `orchat` starts it, on a scripted terminal.
  func makeRuntime(size: TerminalSize = TerminalSize(columns: 120, rows: 40)) throws
    -> (Runtime<ScriptedTerminal>, ScriptedTerminal)
  {
    let environment = home.environment.merging(["OPENROUTER_API_KEY": "sk-or-v1-runtime"]) { $1 }
    let context = AppContext(environment: ProcessEnvironment(values: environment))
    let wake = try WakeSignal()
    let terminal = ScriptedTerminal(size: size, wake: wake)
    let startup = Startup(options: .init(), context: context, transport: transport)
    return (startup.makeRuntime(terminal: terminal, wake: wake), terminal)
  }

  /// Steps the loop until `condition` holds for its state; each step sleeps only until the
  /// next input, posted answer or frame. Fails when `deadline` passes first.
  @discardableResult
  func step(
    _ runtime: Runtime<ScriptedTerminal>, within deadline: Duration = .seconds(10),
    sourceLocation: SourceLocation = #_sourceLocation, until condition: (AppState) -> Bool
  ) -> Bool {
    let end = ContinuousClock.now + deadline
    while !condition(runtime.state) {
      let now = ContinuousClock.now
      guard now < end else {
        Issue.record("the state never matched within \(deadline)", sourceLocation: sourceLocation)
        return false
      }
      runtime.step(maxWait: min(.milliseconds(50), end - now))
    }
    return true
  }

  func type(_ text: String, into terminal: ScriptedTerminal) {
    for character in text { terminal.enqueue(.key(.character(character))) }
    terminal.enqueue(.key(KeyEvent(.enter)))
  }

  /// Types `prompt`, waits for its request and answers with the response head.
  func send(_ prompt: String, _ runtime: Runtime<ScriptedTerminal>, _ terminal: ScriptedTerminal)
    async throws -> ScriptedExchange
  {
    type(prompt, into: terminal)
    step(runtime) { $0.completion.isBusy }
    let exchange = try await nextChatExchange()
    exchange.respond()
    return exchange
  }

  /// The next chat request; the credits look-ups on the way are answered.
  func nextChatExchange() async throws -> ScriptedExchange {
    while true {
      let exchange = try await transport.nextExchange()
      if exchange.request.url.hasSuffix("/chat/completions") { return exchange }
      exchange.respondJSON(Self.keyInfo)
    }
  }

  static let keyInfo = #"{"data":{"label":"k","limit":10,"limit_remaining":7.25,"usage":2.75}}"#

  func text(of runtime: Runtime<ScriptedTerminal>) -> String {
    runtime.state.transcript.items.last?.message.content ?? ""
  }

  @Test func aPromptStreamsIntoTheTranscriptAndIsSaved() async throws {
    let (runtime, terminal) = try makeRuntime()
    let exchange = try await send("hi there", runtime, terminal)
    let request = try exchange.chatRequest()
    #expect(request.messages.last?.content?.text == "hi there")
    let agentModel = Agent.builtIns.first { $0.name == "assistant" }?.model
    #expect((request.model ?? request.models?.first) == agentModel)
    exchange.event(chunks.content("You said: "))
    step(runtime) { _ in self.text(of: runtime) == "You said: " }
    runtime.flush()
    #expect(terminal.screenLines.contains { $0.contains("You said:") })
    exchange.event(chunks.content("hi there"))
    exchange.event(chunks.finish())
    exchange.send("data: [DONE]\n\n")
    exchange.finish()
    step(runtime) { $0.completion == .idle }
    runtime.flush()
    #expect(terminal.screenLines.contains { $0.contains("You said: hi there") })
    let store = try await home.openStore()
    let saved = try #require(try await store.listSessions().first)
    let transcript = try await store.transcript(sessionID: saved.session.id)
    #expect(transcript.map(\.message.content) == ["hi there", "You said: hi there"])
    #expect(transcript.last?.message.status == .complete)
    runtime.finish()
  }

  @Test func escapeStopsTheStreamKeepsThePartialAndNothingOfItCanArriveLater() async throws {
    let (runtime, terminal) = try makeRuntime()
    let exchange = try await send("count", runtime, terminal)
    exchange.event(chunks.content("Counting: 1 2"))
    step(runtime) { _ in self.text(of: runtime) == "Counting: 1 2" }
    terminal.enqueue(.key(KeyEvent(.escape)))
    step(runtime) { $0.completion == .idle }
    try await exchange.waitUntilClosed()
    // The outcome is the request's last answer, posted before the runner forgets it: once
    // no request is left and the mailbox is drained, no text of it can arrive any more.
    await runtime.runner.waitForRequests(timeout: .seconds(10))
    #expect(runtime.runner.activeRequestCount == 0)
    let late = runtime.mailbox.drain().filter {
      switch $0 {
      case .conversation, .requestEnded: true
      default: false
      }
    }
    #expect(late.isEmpty)
    #expect(runtime.state.banner?.text == "Stopped; the partial reply was kept")
    let reply = try #require(runtime.state.transcript.items.last?.message)
    #expect(reply.status == .cancelled)
    #expect(reply.content == "Counting: 1 2")
    let store = try await home.openStore()
    let stored = try #require(try await store.messages(sessionID: reply.sessionID).last)
    #expect(stored.status == .cancelled)
    #expect(stored.content == "Counting: 1 2")
    runtime.finish()
  }

  @Test func aStreamedTokenRedrawsOnlyTheRowsThatChanged() async throws {
    let (runtime, terminal) = try makeRuntime()
    let exchange = try await send("go", runtime, terminal)
    exchange.event(chunks.content("The quick brown"))
    step(runtime) { _ in self.text(of: runtime) == "The quick brown" }
    runtime.flush()
    let layout = runtime.state.layout
    let allowed = Set(layout.transcriptText.y..<layout.transcriptText.maxY)
      .union([layout.statusRow.y]).union(layout.bannerRow.map { [$0.y] } ?? [])
    let start = terminal.presents.count
    var expected = "The quick brown"
    for token in [" fox", " jumps", " over", " the", " lazy", " dog."] {
      exchange.event(chunks.content(token))
      expected += token
      step(runtime) { _ in self.text(of: runtime) == expected }
      runtime.flush()
    }
    let streamed = terminal.presents[start...].filter { !$0.diff.isFull }
    #expect(!streamed.isEmpty)
    for present in streamed {
      // Only transcript rows, the status line (and the banner) change while text streams.
      #expect(
        present.diff.changedRows.isSubset(of: allowed), "rows \(present.diff.changedRows.sorted())")
    }
    #expect(terminal.screenLines.contains { $0.contains("lazy dog.") })
    runtime.finish()
  }

  @Test func quittingWaitsForTheReplyToBeSaved() async throws {
    let (runtime, terminal) = try makeRuntime()
    let exchange = try await send("count", runtime, terminal)
    exchange.event(chunks.content("Counting: 1"))
    step(runtime) { _ in self.text(of: runtime) == "Counting: 1" }
    type("/quit", into: terminal)
    step(runtime) { _ in runtime.exitStatus != nil }
    #expect(runtime.exitStatus == 0)
    runtime.finish()
    try await exchange.waitUntilClosed()
    let store = try await home.openStore()
    let saved = try #require(try await store.listSessions().first)
    let reply = try #require(try await store.transcript(sessionID: saved.session.id).last?.message)
    #expect(reply.status == .cancelled)
    #expect(reply.content == "Counting: 1")
  }

  @Test func startingAsksForTheHistoryCatalogAndCreditsThroughEffects() async throws {
    let (runtime, _) = try makeRuntime()
    let exchange = try await transport.nextExchange()
    #expect(exchange.request.url.hasSuffix("/key"))
    exchange.respondJSON(Self.keyInfo)
    step(runtime) { $0.creditsLeft != nil && $0.catalog != nil }
    #expect(runtime.state.creditsLeft == Decimal(string: "7.25"))
    #expect(runtime.state.catalog?.origin == .bundled)
    runtime.finish()
  }

  /// Issue 16: idle, the loop sleeps until input comes; a banner that goes away by itself
  /// wakes it once, when it expires, not four times a second.
  @Test func anIdleAppSleepsUntilInputAndABannerWakesItOnceAtItsExpiry() async throws {
    let (runtime, _) = try makeRuntime()
    let exchange = try await transport.nextExchange()
    exchange.respondJSON(Self.keyInfo)
    step(runtime) { $0.creditsLeft != nil && $0.catalog != nil }
    runtime.flush()
    #expect(runtime.state.needsTicks == false)
    #expect(runtime.nextTimeout() == nil)
    runtime.dispatch(.copied(what: "the reply", characters: 3))
    runtime.flush()
    let timeout = try #require(runtime.nextTimeout())
    #expect(timeout > .seconds(3) && timeout <= .seconds(4))
    runtime.finish()
  }
}
