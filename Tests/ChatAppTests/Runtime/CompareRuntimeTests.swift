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
///
/// An extension of `RuntimeTests`, not a suite of its own: each of these tests blocks a thread
/// in `Runtime.step` while the effects it waits for run on the cooperative pool, which has one
/// thread per core, so two run-loop suites side by side on a two-core machine would hold the
/// whole pool and starve the work they wait for. One serialized suite runs them one at a time.
extension RuntimeTests {
  /// The chat requests of a compare of `count` models, by model; other look-ups answered.
  func chatExchanges(_ count: Int) async throws -> [String: ScriptedExchange] {
    var found: [String: ScriptedExchange] = [:]
    while found.count < count {
      let exchange = try await transport.nextExchange()
      guard exchange.request.url.hasSuffix("/chat/completions") else {
        exchange.respondJSON(
          #"{"data":{"label":"k","limit":10,"limit_remaining":7.25,"usage":2.75}}"#)
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
    let (runtime, terminal) = try makeRuntime(size: TerminalSize(columns: 200, rows: 50))
    type("/compare one/a two/b three/c Which?", into: terminal)
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
    #expect(
      transcript.last?.otherVariants.map(\.status).sorted { $0.rawValue < $1.rawValue } == [
        .cancelled, .error,
      ])
    runtime.finish()
  }

  /// Several replies at once come at the compare's slower frame pace, but a key is drawn in
  /// the very step that reads it, even right after a frame.
  @Test func whileAComparePacesItsFramesAKeyIsDrawnAtOnce() async throws {
    let (runtime, terminal) = try makeRuntime(size: TerminalSize(columns: 200, rows: 50))
    type("/compare one/a two/b Hello?", into: terminal)
    step(runtime) { $0.compare != nil }
    let exchanges = try await chatExchanges(2)
    for exchange in exchanges.values { exchange.respond() }
    let chunks = StubChunks(model: "x/served")
    exchanges["one/a"]?.event(chunks.content("Alpha"))
    exchanges["two/b"]?.event(chunks.content("Beta"))
    step(runtime) { _ in
      (0..<2).allSatisfy { !(self.column(runtime, $0)?.reply?.content ?? "").isEmpty }
    }
    #expect(runtime.frameInterval == Runtime<ScriptedTerminal>.compareFrameInterval)
    let frames = runtime.framesPresented
    step(runtime) { _ in runtime.framesPresented > frames }
    terminal.enqueue(.key(.character("Z")))
    runtime.step(maxWait: .zero)
    #expect(runtime.state.composer.text == "Z")
    #expect(terminal.screenLines.suffix(4).contains { $0.contains("Z") })
    runtime.finish()
  }
}
