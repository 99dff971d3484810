import ChatCore
import ChatDomain
import ChatUI
import Foundation
import OpenRouter
import TerminalBackend
import TestSupport
import Testing

@testable import ChatApp

/// A compare through the real run loop, effect runner, engine, store and client, answered by
/// hand on an in-memory transport: each model's request streams on its own, a failure and
/// a stop stay with their column, and the frames stay paced however many streams arrive.
@Suite(.serialized) struct CompareRuntimeTests {
  let home: OrchatHome
  let transport = ScriptedTransport()

  init() throws {
    try #require(TestLocale.pinUTF8())
    home = try OrchatHome()
  }

  func makeRuntime() throws -> (Runtime<ScriptedTerminal>, ScriptedTerminal) {
    let environment = home.environment.merging(["OPENROUTER_API_KEY": "sk-or-v1-runtime"]) { $1 }
    let context = AppContext(environment: ProcessEnvironment(values: environment))
    let wake = try WakeSignal()
    let terminal = ScriptedTerminal(size: TerminalSize(columns: 200, rows: 50), wake: wake)
    let startup = Startup(options: .init(), context: context, transport: transport)
    return (startup.makeRuntime(terminal: terminal, wake: wake), terminal)
  }

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

  /// The chat requests of a compare of `count` models, by model; other look-ups answered.
  func chatExchanges(_ count: Int) async throws -> [String: ScriptedExchange] {
    var found: [String: ScriptedExchange] = [:]
    while found.count < count {
      let exchange = try await transport.nextExchange()
      guard exchange.request.url.hasSuffix("/chat/completions") else {
        exchange.respondJSON(#"{"data":{"label":"k","limit":10,"limit_remaining":7.25,"usage":2.75}}"#)
        continue
      }
      found[try exchange.chatRequest().model ?? ""] = exchange
    }
    return found
  }

  func column(_ runtime: Runtime<ScriptedTerminal>, _ index: Int) -> CompareColumn? {
    runtime.state.compare?.columns[index]
  }

  @Test func eachColumnStreamsOnItsOwnAndAFailureOrAStopStaysWithIt() async throws {
    let (runtime, terminal) = try makeRuntime()
    for character in "/compare one/a two/b three/c Which?" {
      terminal.enqueue(.key(.character(character)))
    }
    terminal.enqueue(.key(KeyEvent(.enter)))
    step(runtime) { $0.compare != nil }
    let exchanges = try await chatExchanges(3)
    for exchange in exchanges.values { exchange.respond() }
    let chunks = StubChunks(model: "x/served")
    exchanges["one/a"]?.event(chunks.content("Alpha "))
    exchanges["two/b"]?.event(chunks.content("Beta "))
    exchanges["three/c"]?.event(chunks.content("Gamma "))
    step(runtime) { _ in
      (0..<3).allSatisfy { !(self.column(runtime, $0)?.reply?.content ?? "").isEmpty }
    }
    // Model two breaks off; the others go on.
    exchanges["two/b"]?.event(chunks.midStreamError(code: "502", message: "Provider disconnected"))
    exchanges["two/b"]?.finish()
    step(runtime) { _ in self.column(runtime, 1)?.phase == .ended }
    #expect(column(runtime, 1)?.reply?.status == .error)
    exchanges["one/a"]?.event(chunks.content("still here"))
    step(runtime) { _ in self.column(runtime, 0)?.reply?.content == "Alpha still here" }
    // x on column three stops it alone.
    terminal.enqueue(.key(.character("3")))
    terminal.enqueue(.key(.character("x")))
    step(runtime) { _ in self.column(runtime, 2)?.phase == .ended }
    try await exchanges["three/c"]?.waitUntilClosed()
    #expect(column(runtime, 2)?.reply?.status == .cancelled)
    #expect(column(runtime, 0)?.phase == .streaming)
    // Many tokens at once on the two that remain… one is left: frames stay paced.
    let framesBefore = runtime.framesPresented
    let started = ContinuousClock.now
    var expected = "Alpha still here"
    for index in 0..<300 {
      exchanges["one/a"]?.event(chunks.content(" \(index)"))
      expected += " \(index)"
    }
    step(runtime) { _ in self.column(runtime, 0)?.reply?.content == expected }
    let elapsed = ContinuousClock.now - started
    let frames = runtime.framesPresented - framesBefore
    let allowed = Int(elapsed / Runtime<ScriptedTerminal>.frameInterval) + 2
    #expect(frames <= allowed, "\(frames) frames in \(elapsed)")
    exchanges["one/a"]?.event(chunks.finish())
    exchanges["one/a"]?.send("data: [DONE]\n\n")
    exchanges["one/a"]?.finish()
    step(runtime) { $0.compare?.isRunning == false }
    // Enter on column one keeps it.
    terminal.enqueue(.key(.character("1")))
    terminal.enqueue(.key(KeyEvent(.enter)))
    step(runtime) { $0.compare == nil }
    let kept = try #require(runtime.state.transcript.items.last)
    #expect(kept.message.content == expected)
    #expect(kept.variantCount == 3)
    await runtime.runner.waitForRequests(timeout: .seconds(10))
    let store = try await home.openStore()
    let session = try #require(try await store.listSessions().first)
    let transcript = try await store.transcript(sessionID: session.session.id)
    #expect(transcript.last?.message.content == expected)
    #expect(transcript.last?.otherVariants.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.cancelled, .error])
    runtime.finish()
  }
}
