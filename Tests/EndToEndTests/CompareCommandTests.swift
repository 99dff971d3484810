import Foundation
import TestSupport
import Testing

/// `orchat compare`, the real binary, against the stub server: every model at once, one
/// labelled section each, a JSON array in the order given, one error line per failed model,
/// one session with the first model's reply chosen.
@Suite struct CompareCommandTests {
  let orchat: BinaryRunner
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  func environment(_ stub: StubOpenRouter) -> [String: String] {
    home.environment(stub: stub)
  }

  static let models = ["stub/paced-slow", "stub/paced-fail", "stub/paced-fast"]

  @Test func throughAPipeEverySectionIsPrintedWhenAllAreDone() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let arguments =
      ["compare"] + Self.models.flatMap { ["--model", $0] } + ["Which", "is", "best?"]
    let result = try await orchat.run(arguments, environment: environment(stub))
    // One reply finished: success; the failure is one line on standard error.
    #expect(result.status == 0)
    let errors = result.stderr.split(separator: "\n")
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix("error: stub/paced-fail: ") == true)
    #expect(errors.first?.contains("Provider disconnected") == true)
    let headings = result.stdout.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(headings.count == 3)
    #expect(headings[0].hasPrefix("## 1. stub/paced-slow — done"))
    #expect(headings[1].hasPrefix("## 2. stub/paced-fail — error"))
    #expect(headings[2].hasPrefix("## 3. stub/paced-fast — done"))
    #expect(result.stdout.contains("**Slow** reply: slow-1 slow-2"))
    #expect(result.stdout.contains("Fast done."))
    // The three went out together.
    #expect(stub.chatRequests.count == 3)
    let sent = try stub.chatRequests.map { try $0.chatRequest() }
    #expect(Set(sent.compactMap(\.model)) == Set(Self.models))
    #expect(sent.allSatisfy { $0.messages.last?.content?.text == "Which is best?" })
    // One session: the question, the first model's reply chosen, the others its variants.
    let store = try await home.openStore()
    let sessions = try await store.listSessions()
    #expect(sessions.count == 1)
    let transcript = try await store.transcript(sessionID: try #require(sessions.first).session.id)
    #expect(transcript.count == 2)
    #expect(transcript[1].message.model == "stub/paced-slow")
    #expect(transcript[1].message.content.hasSuffix("Slow done."))
    #expect(transcript[1].otherVariants.map(\.model) == ["stub/paced-fail", "stub/paced-fast"])
    #expect(transcript[1].otherVariants.first?.status == .error)
  }

  @Test func jsonIsAnArrayOfAskObjectsInTheOrderGiven() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let arguments = ["compare", "--json"] + Self.models.flatMap { ["--model", $0] } + ["go"]
    let result = try await orchat.run(arguments, environment: environment(stub))
    #expect(result.status == 0)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 3)
    #expect(array.map { $0["requested_model"] as? String } == Self.models)
    #expect((array[0]["content"] as? String)?.hasSuffix("Slow done.") == true)
    #expect(array[0]["error"] is NSNull)
    #expect((array[1]["error"] as? String)?.contains("Provider disconnected") == true)
    #expect((array[1]["content"] as? String)?.hasPrefix("**Failing** reply:") == true)
    #expect(array[2]["finish_reason"] as? String == "stop")
    for object in array {
      for key in [
        "model", "content", "reasoning", "finish_reason", "generation_id", "usage", "citations",
      ] {
        #expect(object.keys.contains(key), "\(key) missing")
      }
    }
  }

  @Test func allFailingExitsOne() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let result = try await orchat.run(
      ["compare", "--model", "stub/http-400", "--model", "stub/paced-fail", "go"],
      environment: environment(stub))
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.hasPrefix("error: stub/") })
  }

  @Test func oneModelIsAUsageError() async throws {
    let result = try await orchat.run(
      ["compare", "--model", "a/b", "hi"], environment: home.environment)
    #expect(result.status == 64)
    #expect(result.stderr.contains("Give 2 to 4 models with --model."))
  }

  @Test func onATerminalTheRepliesStreamAtOnceInLabelledSections() async throws {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let arguments = ["compare", "--model", "stub/paced-slow", "--model", "stub/paced-fast", "hi"]
    let result = try await orchat.runOnTerminal(arguments, environment: environment(stub))
    #expect(result.status == 0)
    let shown = result.stdout
    // The live block: a labelled rule per model, redrawn in place as the text grows.
    #expect(shown.contains("── 1 stub/paced-slow · "))
    #expect(shown.contains("── 2 stub/paced-fast · "))
    #expect(shown.contains("\u{1B}[J"))
    // Then the whole replies, one labelled section each.
    let tail = try #require(shown.range(of: "## 1. stub/paced-slow — done"))
    #expect(shown[tail.upperBound...].contains("## 2. stub/paced-fast — done"))
    #expect(shown[tail.upperBound...].contains("Slow done."))
  }
}
