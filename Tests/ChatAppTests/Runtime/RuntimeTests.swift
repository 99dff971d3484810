import ChatDomain
import ChatCore
import ChatUI
import Foundation
import TerminalBackend
import OpenRouter
import TestSupport
import Testing

@testable import ChatApp

/// The whole app headless: the real run loop, reducer, effect runner, conversation engine,
/// SQLite store and HTTP client against the stub server, drawn into a scripted terminal.
@Suite(.serialized) struct RuntimeTests {
  let home: OrchatHome

  init() throws {
    try #require(TestLocale.pinUTF8())
    home = try OrchatHome()
  }

  /// The app as `orchat` starts it, on a scripted terminal. Shut `transport` down at the end.
  func makeRuntime(_ stub: StubOpenRouter, size: TerminalSize = TerminalSize(columns: 120, rows: 40))
    throws -> (Runtime<ScriptedTerminal>, ScriptedTerminal, HTTPClientTransport)
  {
    let environment = home.environment.merging([
      "OPENROUTER_API_KEY": "sk-or-v1-runtime", "OPENROUTER_BASE_URL": stub.baseURL,
    ]) { $1 }
    let context = AppContext(environment: ProcessEnvironment(values: environment))
    let wake = try WakeSignal()
    let terminal = ScriptedTerminal(size: size, wake: wake)
    let startup = Startup(options: .init(), context: context)
    let runtime = startup.makeRuntime(terminal: terminal, wake: wake)
    return (runtime, terminal, startup.transport)
  }

  /// Turns the loop until `condition` holds on the screen (or fails after `timeout`).
  func run(
    _ runtime: Runtime<ScriptedTerminal>, _ terminal: ScriptedTerminal, timeout: Duration = .seconds(10),
    sourceLocation: SourceLocation = #_sourceLocation, until condition: ([String]) -> Bool
  ) {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      runtime.step(maxWait: .milliseconds(20))
      if condition(terminal.screenLines) { return }
    }
    Issue.record("the screen never matched:\n\(terminal.screenLines.joined(separator: "\n"))", sourceLocation: sourceLocation)
  }

  func type(_ text: String, into terminal: ScriptedTerminal) {
    for character in text { terminal.enqueue(.key(.character(character))) }
    terminal.enqueue(.key(KeyEvent(.enter)))
  }

  @Test func aPromptStreamsIntoTheTranscriptAndIsSaved() async throws {
    let stub = try await StubOpenRouter.start()
    let (runtime, terminal, transport) = try makeRuntime(stub)
    run(runtime, terminal) { $0.contains { $0.contains("Type a message") } }
    type("hi there", into: terminal)
    run(runtime, terminal) { screen in
      screen.contains { $0.contains("You said: hi there") } && !screen.contains { $0.contains("streaming") }
    }
    let request = try #require(stub.chatRequests.first).chatRequest()
    #expect(request.messages.last?.content?.text == "hi there")
    let agentModel = Agent.builtIns.first { $0.name == "assistant" }?.model
    #expect((request.model ?? request.models?.first) == agentModel)
    let store = try await home.openStore()
    let saved = try #require(try await store.listSessions().first)
    let transcript = try await store.transcript(sessionID: saved.session.id)
    #expect(transcript.map(\.message.content) == ["hi there", "You said: hi there"])
    #expect(transcript.last?.message.status == .complete)
    runtime.finish()
    await transport.shutdown()
    await stub.shutdown()
  }

  @Test func escapeStopsTheStreamKeepsThePartialAndNoLateTextArrives() async throws {
    let stub = try await StubOpenRouter.start()
    let (runtime, terminal, transport) = try makeRuntime(stub)
    run(runtime, terminal) { $0.contains { $0.contains("Type a message") } }
    type("scenario:slow-cancel count", into: terminal)
    run(runtime, terminal) { $0.contains { $0.contains("Counting: 1 2") } }
    terminal.enqueue(.key(KeyEvent(.escape)))
    run(runtime, terminal) { $0.contains { $0.contains("stopped (partial reply kept)") } }
    let shown = terminal.screenLines.first { $0.contains("Counting:") } ?? ""
    // Nothing more arrives on screen after the stop.
    for _ in 0..<10 { runtime.step(maxWait: .milliseconds(20)) }
    #expect(terminal.screenLines.first { $0.contains("Counting:") } == shown)
    let request = try #require(stub.chatRequests.first)
    #expect(await stub.waitForDisconnect(ofRequest: request.index, timeout: .seconds(5)) != nil)
    let store = try await home.openStore()
    let saved = try #require(try await store.listSessions().first)
    let reply = try #require(try await store.transcript(sessionID: saved.session.id).last?.message)
    #expect(reply.status == .cancelled)
    #expect(reply.content.hasPrefix("Counting: 1 2"))
    runtime.finish()
    await transport.shutdown()
    await stub.shutdown()
  }

  @Test func aStreamedTokenRedrawsOnlyTheRowsThatChanged() async throws {
    let stub = try await StubOpenRouter.start()
    let (runtime, terminal, transport) = try makeRuntime(stub)
    run(runtime, terminal) { $0.contains { $0.contains("Type a message") } }
    type("scenario:slow go", into: terminal)
    run(runtime, terminal) { $0.contains { $0.contains("The quick brown") } }
    let layout = runtime.state.layout
    let allowed = Set(layout.transcriptText.y..<layout.transcriptText.maxY)
      .union([layout.statusRow.y]).union(layout.bannerRow.map { [$0.y] } ?? [])
    let start = terminal.presents.count
    run(runtime, terminal) { $0.contains { $0.contains("lazy dog.") } }
    let streamed = terminal.presents[start...].filter { !$0.diff.isFull }
    #expect(!streamed.isEmpty)
    for present in streamed {
      // Only transcript rows, the status line (and the banner) change while text streams.
      #expect(present.diff.changedRows.isSubset(of: allowed), "rows \(present.diff.changedRows.sorted())")
    }
    runtime.finish()
    await transport.shutdown()
    await stub.shutdown()
  }

  @Test func quittingWaitsForTheReplyToBeSaved() async throws {
    let stub = try await StubOpenRouter.start()
    let (runtime, terminal, transport) = try makeRuntime(stub)
    run(runtime, terminal) { $0.contains { $0.contains("Type a message") } }
    type("scenario:slow-cancel count", into: terminal)
    run(runtime, terminal) { $0.contains { $0.contains("Counting: 1") } }
    type("/quit", into: terminal)
    runtime.step(maxWait: .milliseconds(20))
    while runtime.exitStatus == nil { runtime.step(maxWait: .milliseconds(20)) }
    #expect(runtime.exitStatus == 0)
    let store = try await home.openStore()
    let saved = try #require(try await store.listSessions().first)
    let reply = try #require(try await store.transcript(sessionID: saved.session.id).last?.message)
    #expect(reply.status == .cancelled)
    runtime.finish()
    await transport.shutdown()
    await stub.shutdown()
  }
}
