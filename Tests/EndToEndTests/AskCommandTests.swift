import Foundation
import TestSupport
import Testing

/// `orchat ask`, the real binary, against the stub server over loopback.
@Suite struct AskCommandTests {
  let orchat: BinaryRunner
  /// Private config, data and cache directories, so runs never touch the user's.
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  func environment(_ stub: StubOpenRouter, key: String = "sk-or-v1-test") -> [String: String] {
    home.environment(stub: stub, key: key)
  }

  @Test func streamsTheReplyEndingWithANewline() async throws {
    let stub = try await StubOpenRouter.start()
    let result = try await orchat.run(
      ["ask", "--model", "stub/ok-stream", "hello"], environment: environment(stub))
    #expect(result.status == 0)
    #expect(result.stdout == "Hello, wörld 👋\n")
    #expect(result.stderr.isEmpty)
    await stub.shutdown()
  }

  @Test func sendsTheOptionsAsARequest() async throws {
    let stub = try await StubOpenRouter.start()
    let result = try await orchat.run(
      [
        "ask", "--model", "openai/gpt-4o", "--temperature", "0.3", "--max-tokens", "77",
        "--system", "Be terse.", "what", "is", "2+2?",
      ], environment: environment(stub))
    #expect(result.status == 0)
    #expect(result.stdout == "You said: what is 2+2?\n")
    let sent = try #require(stub.chatRequests.first).chatRequest()
    #expect(sent.model == "openai/gpt-4o")
    #expect(sent.models == nil)
    #expect(sent.temperature == 0.3)
    #expect(sent.maxTokens == 77)
    #expect(sent.stream == true)
    #expect(sent.messages.map(\.role) == [.system, .user])
    #expect(sent.messages.map { $0.content?.text } == ["Be terse.", "what is 2+2?"])
    await stub.shutdown()
  }

  @Test func jsonPrintsOneObject() async throws {
    let stub = try await StubOpenRouter.start()
    let result = try await orchat.run(
      ["ask", "--json", "--model", "stub/ok-stream", "hi"], environment: environment(stub))
    #expect(result.status == 0)
    #expect(result.stdout.hasSuffix("}\n"))
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(object?["model"] as? String == "openai/gpt-4.1-mini")
    #expect(object?["content"] as? String == "Hello, wörld 👋")
    #expect(object?["finish_reason"] as? String == "stop")
    #expect(object?["generation_id"] as? String == "gen-1760000000-Q1w2E3r4T5y6U7i8O9p0")
    #expect(object?.keys.contains("reasoning") == true)
    let usage = object?["usage"] as? [String: Any]
    #expect(usage?["prompt_tokens"] as? Int == 9)
    #expect(usage?["completion_tokens"] as? Int == 4)
    #expect(usage?["total_tokens"] as? Int == 13)
    #expect((usage?["cost"] as? NSNumber)?.doubleValue == 0.00001)
    await stub.shutdown()
  }

  @Test func noStreamWaitsForTheWholeReply() async throws {
    let stub = try await StubOpenRouter.start()
    let result = try await orchat.run(
      ["ask", "--no-stream", "--model", "stub/nonstream-ok", "hi"], environment: environment(stub))
    #expect(result.status == 0)
    #expect(result.stdout == "Hello!\n")
    #expect(stub.chatRequests.first?.json?["stream"] == .bool(false))
    let json = try await orchat.run(
      ["ask", "--no-stream", "--json", "--model", "stub/nonstream-ok", "hi"],
      environment: environment(stub))
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["content"] as? String == "Hello!")
    #expect(object?["reasoning"] as? String == "The user wants a greeting.")
    await stub.shutdown()
  }

  @Test func repeatedModelIsAFallbackListAndTheServedModelIsReported() async throws {
    let stub = try await StubOpenRouter.start()
    let result = try await orchat.run(
      ["ask", "--json", "--model", "stub/fallback", "--model", "openai/gpt-4o-mini", "hi"],
      environment: environment(stub))
    #expect(result.status == 0)
    let sent = try #require(stub.chatRequests.first).chatRequest()
    #expect(sent.models == ["stub/fallback", "openai/gpt-4o-mini"])
    #expect(sent.model == nil)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(object?["model"] as? String == "openai/gpt-4o-mini")
    await stub.shutdown()
  }

  @Test func standardInputComesFirstSeparatedByABlankLine() async throws {
    let stub = try await StubOpenRouter.start()
    let diff = "diff --git a/x b/x\n+added line\n"
    let result = try await orchat.run(
      ["ask", "review this"], environment: environment(stub), stdin: diff)
    #expect(result.status == 0)
    let sent = try #require(stub.chatRequests.first).chatRequest()
    #expect(sent.messages.last?.content?.text == "diff --git a/x b/x\n+added line\n\nreview this")
    let onlyInput = try await orchat.run(
      ["ask"], environment: environment(stub), stdin: "just stdin\n")
    #expect(onlyInput.status == 0)
    #expect(try stub.chatRequests[1].chatRequest().messages.last?.content?.text == "just stdin")
    await stub.shutdown()
  }

  @Test func noKeyGivesAClearMessage() async throws {
    let result = try await orchat.run(
      ["ask", "hi"],
      environment: home.environment.merging(["OPENROUTER_BASE_URL": "http://127.0.0.1:9/api/v1"]) {
        $1
      })
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "error: no API key: set OPENROUTER_API_KEY (create a key at https://openrouter.ai/keys)\n"
    )
  }

  @Test func usageErrorsUseTheParsersExitCode() async throws {
    let result = try await orchat.run(
      ["ask", "--temperature", "7", "hi"],
      environment: home.environment.merging(["OPENROUTER_API_KEY": "k"]) { $1 })
    #expect(result.status == 64)
    #expect(result.stderr.contains("--temperature must be between 0 and 2"))
  }

  @Test func httpErrorsPrintOneLineAndExitOne() async throws {
    let stub = try await StubOpenRouter.start()
    let expected: [(String, String)] = [
      (
        "http-401",
        "error: API key rejected (HTTP 401: No auth credentials found); set a valid key in OPENROUTER_API_KEY\n"
      ),
      (
        "http-402",
        "error: Out of credits (HTTP 402: Insufficient credits. Add more using https://openrouter.ai/credits); add credits at https://openrouter.ai/credits or lower the max tokens\n"
      ),
      (
        "http-429",
        "error: Rate limited after 3 attempts (HTTP 429: Rate limit exceeded: free-models-per-min.); wait 0.2 s and try again, or pick another model\n"
      ),
      (
        "http-400",
        "error: Request rejected (HTTP 400: max_tokens must be at least 1); check the model id and the options\n"
      ),
      (
        "html-502",
        "error: The model provider failed after 3 attempts (HTTP 502: 502 Bad Gateway); try again or pick another model\n"
      ),
    ]
    for (scenario, message) in expected {
      let before = stub.chatRequests.count
      let result = try await orchat.run(
        ["ask", "--model", "stub/\(scenario)", "hi"], environment: environment(stub))
      #expect(result.status == 1, "\(scenario)")
      #expect(result.stdout.isEmpty, "\(scenario)")
      #expect(result.stderr == message)
      let attempts = stub.chatRequests.count - before
      #expect(attempts == (["http-429", "html-502"].contains(scenario) ? 3 : 1), "\(scenario)")
    }
    await stub.shutdown()
  }

  @Test func midStreamErrorKeepsThePrintedText() async throws {
    let stub = try await StubOpenRouter.start()
    let result = try await orchat.run(
      ["ask", "--model", "stub/midstream-error", "primes"], environment: environment(stub))
    #expect(result.status == 1)
    #expect(result.stdout == "The first three primes are 2, 3\n")
    #expect(
      result.stderr
        == "error: The model provider failed (error 502: [OpenAI] Provider disconnected unexpectedly); try again or pick another model\n"
    )
    await stub.shutdown()
  }

  @Test func ctrlCClosesTheConnectionAndExits130() async throws {
    let stub = try await StubOpenRouter.start()
    let running = try orchat.start(
      ["ask", "--model", "stub/slow-cancel", "count"], environment: environment(stub))
    try await running.waitForOutput(containing: "Counting: 1")
    running.signal(SIGINT)
    let result = try await running.finish()
    #expect(result.status == 130)
    #expect(!result.wasSignalled)
    #expect(result.stdout.hasPrefix("Counting: 1"))
    #expect(await stub.waitForDisconnect(ofRequest: 0, timeout: .seconds(2)) != nil)
    await stub.shutdown()
  }

  @Test func escapeSequencesPassThroughAPipeUnchanged() async throws {
    let stub = try await StubOpenRouter.start()
    let result = try await orchat.run(
      ["ask", "--model", "stub/escapes", "x"], environment: environment(stub))
    #expect(
      result.stdout
        == "safe \u{1B}]2;pwned-title\u{07}text \u{1B}[2Jcleared? \u{1B}]52;c;ZXZpbA==\u{07}done\n")
    await stub.shutdown()
  }

  @Test func escapeSequencesAreNeutralisedOnATerminal() async throws {
    let stub = try await StubOpenRouter.start()
    // `script` runs the binary on a pseudo-terminal, so its standard output is a terminal.
    let command = "'\(orchat.executable)' ask --model stub/escapes x"
    let result = try await BinaryRunner(executable: "/usr/bin/script").run(
      ["-qec", command, "/dev/null"], environment: environment(stub))
    #expect(result.status == 0)
    #expect(result.stdout.contains("safe text cleared? done"))
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(!result.stdout.contains("pwned-title"))
    #expect(!result.stdout.contains("ZXZpbA=="))
    await stub.shutdown()
  }
}
