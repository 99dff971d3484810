import Foundation
import TestSupport
import Testing

/// A process killed mid-reply loses at most the last 250 ms of the reply.
@Suite struct CrashRecoveryTests {
  let orchat: BinaryRunner
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  @Test func aKilledAskLeavesTheStreamedTextAsAnInterruptedReply() async throws {
    let stub = try await StubOpenRouter.start()
    let environment = home.environment(stub: stub)
    let running = try orchat.start(
      ["ask", "--model", "stub/slow-cancel", "count"], environment: environment)
    try await running.waitForOutput(containing: "Counting: 1 2 3")
    let streamedEarly = running.stdoutSoFar
    // The promise under test is about time: text streamed 250 ms before the kill is saved.
    try await Task.sleep(for: .milliseconds(250))
    running.signal(SIGKILL)
    let killed = try await running.finish()
    #expect(killed.wasSignalled)
    #expect(killed.status == SIGKILL)

    let show = try await orchat.run(
      ["sessions", "show", "last", "--format", "json"], environment: environment)
    #expect(show.status == 0, "\(show.stderr)")
    let session = try #require(
      try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    let messages = try #require(session["messages"] as? [[String: Any]])
    #expect(messages.count == 2)
    #expect(messages[0]["content"] as? String == "count")
    let reply = messages[1]
    #expect(reply["status"] as? String == "interrupted")
    let saved = try #require(reply["content"] as? String)
    // Everything printed 250 ms before the kill was saved; nothing was saved that did not
    // arrive.
    #expect(saved.hasPrefix(streamedEarly))
    #expect(killed.stdout.hasPrefix(saved))
    #expect(reply["model"] as? String == "stub/slow-cancel")
    await stub.shutdown()
  }
}
