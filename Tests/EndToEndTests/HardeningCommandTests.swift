import ChatDomain
import Foundation
import TestSupport
import Testing

/// The commands against hostile input, closed pipes and odd standard inputs, the real
/// binary end to end.
@Suite struct HardeningCommandTests {
  let orchat: BinaryRunner
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  func environment(_ stub: StubOpenRouter) -> [String: String] {
    home.environment(stub: stub)
  }

  func sessionsJSON(_ stub: StubOpenRouter) async throws -> [[String: Any]] {
    let result = try await orchat.run(
      ["sessions", "show", "last", "--format", "json"], environment: environment(stub))
    let session = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    return session?["messages"] as? [[String: Any]] ?? []
  }

  // MARK: - Terminals

  /// The stub echoes the prompt, and the served model is the one asked for: model text, a
  /// served-model name and the title all hold the hazards.
  func makeHostileSession(_ stub: StubOpenRouter) async throws {
    let result = try await orchat.run(
      ["ask", "--model", "evil/model" + TerminalHazards.sample, TerminalHazards.sample + " hi"],
      environment: environment(stub))
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func storedTextReachesATerminalInertAndAPipeUnchanged() async throws {
    let stub = try await StubOpenRouter.start()
    try await makeHostileSession(stub)
    for arguments in [
      ["sessions", "show", "last"], ["sessions", "show", "last", "--format", "markdown"],
      ["sessions", "show", "last", "--format", "json"], ["sessions", "export", "--all"],
      ["sessions", "export", "--all", "--format", "markdown"], ["usage"], ["usage", "--json"],
    ] {
      let terminal = try await orchat.runOnTerminal(arguments, environment: environment(stub))
      #expect(terminal.status == 0, "\(arguments)")
      #expect(terminal.stdout.contains("evil/model"), "\(arguments)")
      #expect(TerminalHazards.found(in: terminal.stdout).isEmpty, "\(arguments)")
      // Through a pipe the bytes are the stored ones (JSON escapes C0 controls itself; the
      // bidi override passes raw either way).
      let piped = try await orchat.run(arguments, environment: environment(stub))
      #expect(piped.stdout.contains("\u{202E}evil\u{200B}x"), "\(arguments)")
    }
    let plain = try await orchat.runOnTerminal(
      ["sessions", "show", "last"], environment: environment(stub))
    #expect(plain.stdout.contains("You said: " + TerminalHazards.sampleShown + " hi"))
    #expect(plain.stdout.contains("evil/model" + TerminalHazards.sampleShown))
    let list = try await orchat.runOnTerminal(["sessions", "list"], environment: environment(stub))
    #expect(list.stdout.contains(TerminalHazards.sampleShown + " hi"))
    #expect(TerminalHazards.found(in: list.stdout).isEmpty)
    await stub.shutdown()
  }

  /// A cached catalog and an agent file whose names and descriptions hold the hazards.
  @Test func catalogAndAgentTextIsInertOnATerminal() async throws {
    let model = ModelSummary(
      id: "evil/model", name: "Evil " + TerminalHazards.sample,
      description: "desc " + TerminalHazards.sample, contextLength: 1000,
      promptPrice: .perToken(Decimal(string: "0.000001")!),
      completionPrice: .perToken(Decimal(string: "0.000002")!))
    let snapshot = CatalogSnapshot(fetchedAt: Date(), source: "test", models: [model])
    try FileManager.default.createDirectory(at: home.paths.cache, withIntermediateDirectories: true)
    try snapshot.encoded().write(to: home.paths.modelCache)
    try home.writeAgent(
      "evil", "description = \"desc \\u001B]0;pwned\\u0007\\u202Eevil\\u200Bx\"\nmodel = \"m/x\"\n")
    for arguments in [
      ["models"], ["models", "--json"], ["agents"], ["agents", "--json"],
      ["agents", "show", "evil"],
    ] {
      let terminal = try await orchat.runOnTerminal(arguments, environment: home.environment)
      #expect(terminal.status == 0, "\(arguments): \(terminal.stdout)")
      #expect(terminal.stdout.contains("evil"), "\(arguments)")
      #expect(TerminalHazards.found(in: terminal.stdout).isEmpty, "\(arguments)")
      let piped = try await orchat.run(arguments, environment: home.environment)
      #expect(piped.stdout.contains("\u{202E}evil\u{200B}x"), "\(arguments)")
    }
  }

  @Test func askErrorLineIsInertOnATerminal() async throws {
    let stub = try await StubOpenRouter.start()
    let terminal = try await orchat.runOnTerminal(
      ["ask", "--model", "stub/http-400-escapes", "hi"], environment: environment(stub))
    #expect(terminal.status == 1)
    #expect(terminal.stdout.hasPrefix("error: "))
    #expect(terminal.stdout.contains("bad request"))
    #expect(TerminalHazards.found(in: terminal.stdout).isEmpty)
    let piped = try await orchat.run(
      ["ask", "--model", "stub/http-400-escapes", "hi"], environment: environment(stub))
    #expect(piped.status == 1)
    #expect(piped.stderr.contains("bad"))
    await stub.shutdown()
  }

  @Test func theDeletePromptIsInertOnATerminal() async throws {
    let stub = try await StubOpenRouter.start()
    try await makeHostileSession(stub)
    // The title is stored clean; the prompt names the session and waits for an answer.
    let result = try await orchat.runOnTerminal(
      ["sessions", "delete", "last"], environment: environment(stub), typing: "n\n")
    #expect(result.stdout.contains("Delete session"))
    #expect(result.stdout.contains("Nothing deleted."))
    #expect(TerminalHazards.found(in: result.stdout).isEmpty)
    await stub.shutdown()
  }

  @Test func titlesAreStoredWithoutControlCharacters() async throws {
    let stub = try await StubOpenRouter.start()
    try await makeHostileSession(stub)
    let list = try await orchat.run(["sessions", "list", "--json"], environment: environment(stub))
    let sessions =
      try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
    #expect(sessions?.first?["title"] as? String == TerminalHazards.sampleShown + " hi")
    let renamed = try await orchat.run(
      ["sessions", "rename", "last", "new\u{1B}[2J\u{202E}title"], environment: environment(stub))
    #expect(renamed.status == 0)
    #expect(renamed.stdout.hasSuffix(": newtitle\n"))
    await stub.shutdown()
  }

  // MARK: - Standard input

  @Test func aClosedStandardInputIsNoInput() async throws {
    let stub = try await StubOpenRouter.start()
    let command = "exec \(TmuxSession.shellQuoted(orchat.executable)) ask hello <&-"
    let result = try await BinaryRunner(executable: "/bin/sh").run(
      ["-c", command], environment: environment(stub))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.wasSignalled)
    #expect(result.stdout == "You said: hello\n")
    await stub.shutdown()
  }

  @Test func anUnreadableStandardInputIsAnErrorNotATrap() async throws {
    let stub = try await StubOpenRouter.start()
    let command = "exec \(TmuxSession.shellQuoted(orchat.executable)) ask hello < /"
    let result = try await BinaryRunner(executable: "/bin/sh").run(
      ["-c", command], environment: environment(stub))
    #expect(!result.wasSignalled)
    #expect(result.status == 1)
    #expect(result.stderr == "error: cannot read standard input: is a directory\n")
    #expect(stub.chatRequests.isEmpty)
    await stub.shutdown()
  }

  @Test func standardInputOverTheCapIsRefusedNamingIt() async throws {
    let stub = try await StubOpenRouter.start()
    let big = home.root.appending("big.txt")
    try Data(repeating: 0x61, count: 16 * 1024 * 1024 + 1).write(to: big)
    let command =
      "exec \(TmuxSession.shellQuoted(orchat.executable)) ask hello < \(TmuxSession.shellQuoted(big.path))"
    let result = try await BinaryRunner(executable: "/bin/sh").run(
      ["-c", command], environment: environment(stub))
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: standard input is larger than 16 MiB"))
    #expect(stub.chatRequests.isEmpty)
    // Exactly at the cap is fine.
    try Data(repeating: 0x61, count: 16 * 1024 * 1024).write(to: big)
    let atCap = try await BinaryRunner(executable: "/bin/sh").run(
      [
        "-c",
        command.replacingOccurrences(of: "ask hello", with: "ask --model stub/ok-stream hello"),
      ],
      environment: environment(stub))
    #expect(atCap.status == 0, "\(atCap.stderr)")
    await stub.shutdown()
  }

  // MARK: - A closed standard output

  @Test func aClosedStandardOutputCancelsTheReplyAndClosesTheConnection() async throws {
    let stub = try await StubOpenRouter.start()
    let statusFile = home.root.appending("status").path
    let command =
      "{ \(TmuxSession.shellQuoted(orchat.executable)) ask --model stub/slow-cancel count; "
      + "echo $? > \(TmuxSession.shellQuoted(statusFile)); } | head -c 5"
    let result = try await BinaryRunner(executable: "/bin/sh").run(
      ["-c", command], environment: environment(stub), timeout: .seconds(20))
    #expect(result.stdout == "Count")
    let status = try String(contentsOfFile: statusFile, encoding: .utf8)
    #expect(status == "141\n")
    #expect(await stub.waitForDisconnect(ofRequest: 0, timeout: .seconds(2)) != nil)
    let messages = try await sessionsJSON(stub)
    #expect(messages.last?["status"] as? String == "cancelled")
    await stub.shutdown()
  }

  // MARK: - Files

  @Test func leaseFilesAreRemovedOnANormalExit() async throws {
    let stub = try await StubOpenRouter.start()
    let result = try await orchat.run(["ask", "hi"], environment: environment(stub))
    #expect(result.status == 0)
    let leases = home.paths.leasesDirectory.path
    // The ask streamed a reply, so it took a lease.
    #expect(FileManager.default.fileExists(atPath: leases))
    #expect(try FileManager.default.contentsOfDirectory(atPath: leases) == [])
    await stub.shutdown()
  }

  @Test func exportsArePrivateWhateverTheUmaskAndTheFileBefore() async throws {
    let stub = try await StubOpenRouter.start()
    try await makeHostileSession(stub)
    for format in ["json", "markdown"] {
      let fresh = home.root.appending("fresh.\(format)").path
      let existing = try home.root.write("old", to: "existing.\(format)", mode: 0o644).path
      for file in [fresh, existing] {
        let command =
          "umask 000; exec \(TmuxSession.shellQuoted(orchat.executable)) sessions export --all "
          + "--format \(format) --output \(TmuxSession.shellQuoted(file))"
        let result = try await BinaryRunner(executable: "/bin/sh").run(
          ["-c", command], environment: environment(stub))
        #expect(result.status == 0, "\(result.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600, "\(file)")
      }
    }
    await stub.shutdown()
  }

  @Test func theCatalogCacheIsPrivateWhateverTheUmask() async throws {
    let stub = try await StubOpenRouter.start()
    let command =
      "umask 000; exec \(TmuxSession.shellQuoted(orchat.executable)) models --refresh --json"
    let result = try await BinaryRunner(executable: "/bin/sh").run(
      ["-c", command], environment: environment(stub))
    #expect(result.status == 0, "\(result.stderr)")
    let mode = try FileManager.default.attributesOfItem(
      atPath: home.paths.modelCache.path)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)
    await stub.shutdown()
  }

  // MARK: - The base URL

  @Test func plainHTTPToAnotherHostIsRefusedUnlessAllowed() async throws {
    let base = home.environment.merging(["OPENROUTER_API_KEY": "sk-or-v1-test"]) { $1 }
    for arguments in [
      ["ask", "--base-url", "http://example.com/api/v1", "hi"],
      ["models", "--refresh", "--base-url", "http://example.com/api/v1"],
    ] {
      let result = try await orchat.run(arguments, environment: base)
      #expect(result.status == 1, "\(arguments)")
      #expect(
        result.stderr.hasPrefix(
          "error: refusing the base URL http://example.com/api/v1 (from --base-url): over "
            + "http:// the API key would travel unencrypted"), "\(arguments)")
      #expect(!result.stderr.contains("sk-or-v1-test"))
    }
    let fromEnvironment = try await orchat.run(
      ["ask", "hi"],
      environment: base.merging(["OPENROUTER_BASE_URL": "http://10.1.2.3:8080/v1"]) { $1 })
    #expect(fromEnvironment.status == 1)
    #expect(fromEnvironment.stderr.contains("(from OPENROUTER_BASE_URL)"))
    // The full-screen app refuses before it takes the terminal.
    let app = try await orchat.runOnTerminal(
      ["--base-url", "http://example.com/api/v1"],
      environment: base.merging(["TERM": "xterm"]) { $1 })
    #expect(app.status == 1)
    #expect(app.stdout.contains("error: refusing the base URL"))
    // Allowed in config.toml, the request goes out: 0.0.0.0 is not a loopback name, but on
    // Linux a connection to it reaches this machine's listeners, the stub included.
    let stub = try await StubOpenRouter.start()
    let port = try #require(URLComponents(string: stub.baseURL)?.port)
    let unencrypted = ["ask", "--base-url", "http://0.0.0.0:\(port)/api/v1", "hi"]
    let refused = try await orchat.run(unencrypted, environment: base)
    #expect(refused.status == 1)
    try home.writeConfig("[api]\nallow_insecure_base_url = true\n")
    let allowed = try await orchat.run(unencrypted, environment: base)
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(allowed.stdout == "You said: hi\n")
    await stub.shutdown()
  }
}
