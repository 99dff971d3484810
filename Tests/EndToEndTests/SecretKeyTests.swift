import Foundation
import TestSupport
import Testing

/// The API key: where it may come from, and where it must never go.
@Suite struct SecretKeyTests {
  let orchat: BinaryRunner
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  @Test func theKeyNeverReachesTheDatabaseLogsExportsOrTheScreen() async throws {
    let sentinel = "sk-or-v1-SENTINEL-\(UUID().uuidString)"
    let stub = try await StubOpenRouter.start(validKey: sentinel)
    let config = try home.writeConfig("api_key = \"\(sentinel)\"\n", mode: 0o600)
    let environment = home.environment.merging(["OPENROUTER_BASE_URL": stub.baseURL]) { $1 }
    var outputs: [BinaryRunner.Result] = []

    // The key from the private config file works…
    let ok = try await orchat.run(
      ["ask", "--model", "stub/ok-stream", "hi"], environment: environment)
    #expect(ok.status == 0, "\(ok.stderr)")
    outputs.append(ok)
    // …and a server that echoes it in an error is redacted before anything is stored.
    stub.enqueue(
      .json(#"{"error":{"code":400,"message":"bad request from key \#(sentinel)"}}"#, status: 400))
    let failed = try await orchat.run(
      ["ask", "--session", "last", "again"], environment: environment)
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("[redacted]"))
    outputs.append(failed)
    let export = home.root.appending("export.json")
    for arguments in [
      ["models", "--refresh", "--json"], ["sessions", "list", "--json"],
      ["sessions", "show", "last", "--format", "json"],
      ["sessions", "export", "--all", "--output", export.path],
      ["sessions", "export", "--all", "--format", "markdown"], ["usage", "--json"],
      ["agents", "--json"],
    ] {
      let result = try await orchat.run(arguments, environment: environment)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      outputs.append(result)
    }

    let files = home.root.allFiles().filter { $0.path != config.path }
    #expect(files.contains { $0.lastPathComponent == "orchat.sqlite" })
    #expect(files.contains { $0.lastPathComponent == "models.json" })
    #expect(files.contains { $0 == export })
    for file in files {
      let bytes = try Data(contentsOf: file)
      #expect(bytes.range(of: Data(sentinel.utf8)) == nil, "the key is in \(file.path)")
    }
    for output in outputs {
      #expect(!output.stdout.contains(sentinel))
      #expect(!output.stderr.contains(sentinel))
    }
    await stub.shutdown()
  }

  @Test func theEnvironmentVariableWinsOverTheConfigFile() async throws {
    let stub = try await StubOpenRouter.start(validKey: "sk-or-v1-from-env")
    try home.writeConfig("api_key = \"sk-or-v1-from-file\"\n", mode: 0o600)
    let result = try await orchat.run(
      ["ask", "--model", "stub/ok-stream", "hi"],
      environment: home.environment.merging([
        "OPENROUTER_BASE_URL": stub.baseURL, "OPENROUTER_API_KEY": "sk-or-v1-from-env",
      ]) { $1 })
    #expect(result.status == 0, "\(result.stderr)")
    await stub.shutdown()
  }

  @Test func aKeyInAFileOthersCanReadIsRefused() async throws {
    let config = try home.writeConfig("api_key = \"sk-or-v1-exposed\"\n", mode: 0o644)
    let result = try await orchat.run(
      ["ask", "hi"],
      environment: home.environment.merging(["OPENROUTER_BASE_URL": "http://127.0.0.1:9"]) { $1 })
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "error: \(config.path):1: api_key: refused: the file is readable by others (mode 644); "
        + "run chmod 600 \(config.path), or set OPENROUTER_API_KEY instead\n")
  }
}
