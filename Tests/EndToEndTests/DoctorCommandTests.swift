import Foundation
import TestSupport
import Testing

/// `orchat doctor`, the real binary, against the stub. Run by the tests, standard input and
/// output are not a terminal, so the terminal lines are `info` and never fail the run.
@Suite struct DoctorCommandTests {
  let orchat: BinaryRunner
  let home: OrchatHome
  let key = "sk-or-v1-DOCTOR-\(UUID().uuidString)"

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  func environment(baseURL: String, key: String? = nil) -> [String: String] {
    var values = home.environment
    values["OPENROUTER_BASE_URL"] = baseURL
    values["OPENROUTER_API_KEY"] = key ?? self.key
    return values
  }

  func report(_ result: BinaryRunner.Result) throws -> (ok: Bool, checks: [String: [[String: Any]]])
  {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let checks = try #require(object["checks"] as? [[String: Any]])
    return (
      object["ok"] as? Bool ?? false,
      Dictionary(grouping: checks) { $0["id"] as? String ?? "" }
    )
  }

  func status(_ checks: [String: [[String: Any]]], _ id: String) -> [String] {
    (checks[id] ?? []).map { $0["status"] as? String ?? "" }
  }

  func summary(_ checks: [String: [[String: Any]]], _ id: String) -> String {
    checks[id]?.first?["summary"] as? String ?? ""
  }

  @Test func everythingPassesAgainstAWorkingEndpoint() async throws {
    let stub = try await StubOpenRouter.start(validKey: key)
    let text = try await orchat.run(["doctor"], environment: environment(baseURL: stub.baseURL))
    #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
    #expect(text.stderr.isEmpty)
    let lines = text.stdout.split(separator: "\n").map(String.init)
    #expect(!lines.contains { $0.hasPrefix("✗") }, "\(text.stdout)")
    #expect(lines.first == "✓ config: no \(home.paths.configFile.path); using the defaults")
    #expect(lines.contains("✓ api key: set in OPENROUTER_API_KEY (not shown)"))
    #expect(
      lines.contains {
        $0.hasPrefix("✓ endpoint: \(stub.baseURL) answered in ")
          && $0.hasSuffix(", plain HTTP on this machine; lists 11 models")
      })
    #expect(
      lines.contains(
        "✓ key accepted: accepted; $74.50 of $100.00 left, resets monthly, $25.50 used, "
          + "rate limit 1000 requests per 1h"))
    #expect(lines.contains { $0.hasPrefix("· terminal: not run from a terminal") })
    #expect(lines.contains("✓ locale: LANG=C.UTF-8 (UTF-8)"))
    #expect(lines.contains("✓ agents: 3 (3 built-in, 0 from files); default assistant"))
    #expect(lines.contains { $0.hasPrefix("✓ themes: 6 (dark, high-contrast, light, mono, ") })
    #expect(lines.contains { $0.hasPrefix("✓ database: none yet at ") })
    #expect(lines.last?.hasPrefix("All checks passed") == true)
    #expect(stub.requests.map(\.path) == ["/api/v1/models", "/api/v1/key"])
    // Nothing was created, and the key appears nowhere.
    #expect(home.root.allFiles().isEmpty)
    #expect(!text.stdout.contains(key) && !text.stdout.contains(String(key.suffix(8))))

    let json = try await orchat.run(
      ["doctor", "--json"], environment: environment(baseURL: stub.baseURL))
    #expect(json.status == 0)
    let (ok, checks) = try report(json)
    #expect(ok)
    #expect(
      Set(checks.keys) == [
        "config", "api_key", "endpoint", "key_accepted", "terminal", "locale", "clipboard",
        "mouse", "agents", "themes", "database", "catalog",
      ])
    #expect(
      checks.values.joined().allSatisfy {
        ["pass", "warn", "info"].contains($0["status"] as? String)
      })
    #expect(
      checks.values.joined().allSatisfy { Set($0.keys) == ["id", "status", "summary", "advice"] })
    #expect(!json.stdout.contains(key))
    await stub.shutdown()
  }

  @Test func aSoundDatabaseAndAFreshCatalogPassToo() async throws {
    let stub = try await StubOpenRouter.start(validKey: key)
    let environment = environment(baseURL: stub.baseURL)
    #expect(try await orchat.run(["ask", "hi"], environment: environment).status == 0)
    #expect(try await orchat.run(["models", "--refresh"], environment: environment).status == 0)
    let result = try await orchat.run(["doctor", "--json"], environment: environment)
    #expect(result.status == 0, "\(result.stdout)")
    let (_, checks) = try report(result)
    #expect(status(checks, "database") == ["pass"])
    #expect(summary(checks, "database").contains(", 1 session, integrity ok"))
    #expect(status(checks, "catalog") == ["pass"])
    #expect(summary(checks, "catalog").hasPrefix("11 models, fetched "))
    await stub.shutdown()
  }

  @Test func aRejectedKeyFails() async throws {
    let stub = try await StubOpenRouter.start(validKey: "sk-or-v1-the-right-one")
    let result = try await orchat.run(
      ["doctor"], environment: environment(baseURL: stub.baseURL, key: "sk-or-v1-a-wrong-one"))
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.contains {
        $0.hasPrefix("✓ endpoint: ")
          && $0.hasSuffix("GET /models gave HTTP 401 (the key is checked next)")
      })
    #expect(
      lines.contains(
        "✗ key accepted: rejected (HTTP 401) — create a key at https://openrouter.ai/keys and set "
          + "OPENROUTER_API_KEY to it"))
    #expect(lines.last == "1 check failed.")
    #expect(!result.stdout.contains("a-wrong-one"))
    await stub.shutdown()
  }

  @Test func anUnreachableHostFailsAtOnce() async throws {
    let closed = try ClosedPort()
    let baseURL = closed.baseURL
    // A long connect timeout: retrying the refused connection until it passes (what the
    // HTTP client does by default) would take a minute; failing at the first refusal takes
    // well under half of that even on a loaded machine.
    try home.writeConfig("[api]\nconnect_timeout = 60\n")
    let start = ContinuousClock.now
    let result = try await orchat.run(
      ["doctor", "--json"], environment: environment(baseURL: baseURL))
    #expect(ContinuousClock.now - start < .seconds(30))
    #expect(result.status == 1)
    let (ok, checks) = try report(result)
    #expect(!ok)
    #expect(status(checks, "endpoint") == ["fail"])
    #expect(summary(checks, "endpoint") == "cannot reach \(baseURL): connection refused")
    #expect(status(checks, "key_accepted") == ["info"])
    #expect(summary(checks, "key_accepted") == "not checked (the endpoint cannot be reached)")
    withExtendedLifetime(closed) {}
  }

  @Test func brokenFilesFailEachWithItsLine() async throws {
    let stub = try await StubOpenRouter.start(validKey: key)
    let config = try home.writeConfig("theme = \"dark\"\nmouse = maybe\n")
    let agent = try home.writeAgent("poet", "model = \"a/b\"\ntemperature = 7\n")
    let theme = try home.root.write(
      "[palette]\nx = \"nocolour\"\n", to: "config/orchat/themes/ocean.toml")
    let database = try home.root.write(
      String(repeating: "junk", count: 2000), to: "data/orchat/orchat.sqlite", mode: 0o600)
    let result = try await orchat.run(["doctor"], environment: environment(baseURL: stub.baseURL))
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("✗ config: \(config.path):2:") })
    #expect(
      lines.contains {
        $0.hasPrefix("✗ agents: \(agent.path):2: temperature: must be between 0 and 2")
      })
    #expect(lines.contains { $0.hasPrefix("✗ themes: theme: \(theme.path):") })
    #expect(
      lines.contains {
        $0.hasPrefix("✗ database: \(database.path) is damaged: the file is not an SQLite database")
      })
    #expect(lines.last == "4 checks failed.")
    // The other checks still ran.
    #expect(lines.contains { $0.hasPrefix("✓ key accepted: accepted;") })
    #expect(
      try String(contentsOf: database, encoding: .utf8) == String(repeating: "junk", count: 2000))
    await stub.shutdown()
  }

  @Test func noKeyFailsAndIsNotSentAnywhere() async throws {
    let stub = try await StubOpenRouter.start()
    var values = home.environment
    values["OPENROUTER_BASE_URL"] = stub.baseURL
    let result = try await orchat.run(["doctor", "--json"], environment: values)
    #expect(result.status == 1)
    let (_, checks) = try report(result)
    #expect(status(checks, "api_key") == ["fail"])
    #expect(status(checks, "endpoint") == ["pass"])
    #expect(summary(checks, "key_accepted") == "not checked (no key)")
    #expect(stub.requests.map(\.path) == ["/api/v1/models"])
    await stub.shutdown()
  }
}
