import Foundation
import TestSupport
import Testing

/// A compare in the full-screen app under tmux against the stub: three models at three
/// speeds stream side by side, one fails mid-stream without disturbing the others, one is
/// kept; and a process killed mid-compare keeps every column's text.
@Suite(.serialized) struct CompareEndToEndTests {
  let home: OrchatHome

  init() throws {
    try #require(TestLocale.pinUTF8())
    home = try OrchatHome()
  }

  func environment(_ stub: StubOpenRouter) -> [String: String] {
    home.environment(stub: stub, key: "sk-or-v1-e2e")
  }

  /// The highest `n` of `word-n` anywhere on the screen.
  static func highest(_ word: String, in screen: [String]) -> Int? {
    let pattern = try? NSRegularExpression(pattern: "\(word)-([0-9]+)")
    var best: Int?
    for line in screen {
      let range = NSRange(line.startIndex..., in: line)
      for match in pattern?.matches(in: line, range: range) ?? [] {
        guard let number = Range(match.range(at: 1), in: line).flatMap({ Int(line[$0]) }) else {
          continue
        }
        best = max(best ?? number, number)
      }
    }
    return best
  }

  @Test func threeModelsStreamSideBySideOneFailsAndOneIsKept() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let app = try await AppUnderTmux.start(environment: environment(stub), columns: 200, rows: 50)
    defer { app.removeScratch() }
    try await app.tmux.waitForText("Type a message")
    await app.send("/compare stub/paced-slow stub/paced-fail stub/paced-fast Which is best?")
    try await app.tmux.waitForText("· compare")
    // The fast one is done and the failing one has failed while the slow one still
    // streams: they run at once, and the failure leaves the others alone.
    let midway = try await app.tmux.waitForScreen { screen in
      screen.contains { $0.contains("Fast done.") } && screen.contains { $0.contains("✗ error") }
    }
    let during = try #require(midway)
    #expect(during.contains { $0.contains("1 stub/paced-slow") })
    #expect(during.contains { $0.contains("✗ The model provider failed") })
    #expect(
      Self.highest("slow", in: during).map { $0 < 50 } == true, "\(during.joined(separator: "\n"))")
    // The slow one goes on to its end.
    try await app.tmux.waitForText("Slow done.", timeout: .seconds(15))
    let done = try #require(
      try await app.tmux.waitForScreen { screen in
        screen.filter { $0.contains("✓ done") }.count == 1 && !screen.contains { $0.contains("⠋") }
          && screen.contains { $0.contains("Enter keep") }
      })
    #expect(done.contains { $0.contains("✗ The model provider failed") })
    // Keep the third reply: it becomes the transcript's, the others its variants.
    await app.tmux.sendKeys("3")
    await app.tmux.sendKeys("Enter")
    let kept = try #require(try await app.tmux.waitForText("‹3/3›"))
    #expect(!kept.contains { $0.contains("· compare") })
    #expect(kept.contains { $0.contains("Fast done.") })
    #expect(stub.chatRequests.count == 3)
    let store = try await home.openStore()
    let session = try #require(try await store.listSessions().first)
    let transcript = try await store.transcript(sessionID: session.session.id)
    #expect(transcript.map(\.message.role) == [.user, .assistant])
    #expect(transcript[1].message.model == "stub/paced-fast")
    #expect(
      Set(transcript[1].otherVariants.map(\.model)) == ["stub/paced-slow", "stub/paced-fail"])
    #expect(transcript[1].otherVariants.first { $0.model == "stub/paced-fail" }?.status == .error)
    // The conversation goes on from the kept reply.
    await app.send("and then?")
    try await app.tmux.waitForText("You said: and then?")
    let last = try stub.chatRequests[3].chatRequest()
    #expect(last.messages.map { $0.content?.text ?? "" }.contains { $0.hasSuffix("Fast done.") })
  }

  @Test func aKilledCompareKeepsEveryColumnsTextAsInterruptedReplies() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let app = try await AppUnderTmux.startUnderShell(
      environment: environment(stub), columns: 200, rows: 50)
    defer { app.removeScratch() }
    let pid = try #require(try await app.processID())
    try await app.tmux.waitForText("Type a message")
    await app.send("/compare stub/paced-slow stub/paced-medium stub/paced-long go")
    let early = try #require(
      try await app.tmux.waitForScreen { screen in
        (Self.highest("slow", in: screen) ?? 0) >= 3
          && (Self.highest("medium", in: screen) ?? 0) >= 3
          && (Self.highest("long", in: screen) ?? 0) >= 3
      })
    let seen = [
      "slow": Self.highest("slow", in: early) ?? 0,
      "medium": Self.highest("medium", in: early) ?? 0,
      "long": Self.highest("long", in: early) ?? 0,
    ]
    // The promise under test is about time: text on screen 250 ms before the kill is saved.
    try await Task.sleep(for: .milliseconds(250))
    kill(pid, SIGKILL)
    // Once the shell has reaped it, the process is gone and its lease lock released.
    let gone = ContinuousClock.now + .seconds(10)
    while kill(pid, 0) == 0, ContinuousClock.now < gone {
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(kill(pid, 0) != 0, "the app outlived SIGKILL")
    let store = try await home.openStore()
    let session = try #require(try await store.listSessions().first)
    let replies = try await store.messages(sessionID: session.session.id)
      .filter { $0.role == .assistant }
    #expect(replies.count == 3)
    for reply in replies {
      let word = reply.model?.replacingOccurrences(of: "stub/paced-", with: "") ?? ""
      #expect(reply.status == .interrupted, "\(word): \(reply.status)")
      let number = try #require(seen[word])
      #expect(
        reply.content.contains("\(word)-\(number)"), "\(word)-\(number) missing: \(reply.content)")
      #expect(!reply.content.contains("done."))
    }
  }
}
