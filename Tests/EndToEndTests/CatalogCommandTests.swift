import Foundation
import TestSupport
import Testing

/// `orchat models`, `orchat agents` and `orchat usage`, the real binary.
@Suite struct CatalogCommandTests {
  let orchat: BinaryRunner
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  func environment(_ stub: StubOpenRouter? = nil) -> [String: String] {
    var values = home.environment
    values["OPENROUTER_API_KEY"] = "sk-or-v1-test"
    if let stub { values["OPENROUTER_BASE_URL"] = stub.baseURL }
    return values
  }

  func json(_ result: BinaryRunner.Result) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
  }

  @Test func modelsSearchesTheBundledCatalogOffline() async throws {
    let result = try await orchat.run(
      ["models", "--search", "g4o", "--json"], environment: environment())
    #expect(result.status == 0)
    let models = try #require(try json(result) as? [[String: Any]])
    #expect(models.first?["id"] as? String == "openai/gpt-4o")
    #expect((models.first?["prompt_price_per_million"] as? NSNumber)?.doubleValue == 2.5)
    #expect((models.first?["completion_price_per_million"] as? NSNumber)?.doubleValue == 10)
    #expect(
      Set(models[0].keys) == [
        "id", "name", "description", "created", "context_length", "max_completion_tokens",
        "prompt_price_per_million", "completion_price_per_million", "variable_pricing",
        "input_modalities", "output_modalities", "supports_tools", "supports_reasoning",
        "supports_image_input",
      ])
    let text = try await orchat.run(
      ["models", "--search", "sonnet", "--tools"], environment: environment())
    #expect(text.stdout.split(separator: "\n")[1].hasPrefix("anthropic/claude-sonnet"))
    #expect(text.stderr.contains("models (bundled snapshot of 2026-05-01 01:49 UTC;"))
  }

  @Test func modelsRefreshFetchesAndCachesTheLiveList() async throws {
    let stub = try await StubOpenRouter.start()
    let refreshed = try await orchat.run(
      ["models", "--refresh", "--json"], environment: environment(stub))
    #expect(refreshed.status == 0, "\(refreshed.stderr)")
    #expect((try json(refreshed) as? [Any])?.count == 11)
    #expect(stub.requests.contains { $0.path.hasSuffix("/models") })
    let cached = try await orchat.run(["models", "--json"], environment: environment())
    #expect((try json(cached) as? [Any])?.count == 11)
    let text = try await orchat.run(["models"], environment: environment())
    #expect(text.stderr.hasPrefix("11 of 11 models (fetched "))
    await stub.shutdown()
  }

  @Test func agentsListsBuiltInsAndReportsABrokenFile() async throws {
    try home.writeAgent("poet", "description = \"Verse\"\nmodel = \"openai/gpt-4o\"\n")
    let broken = try home.writeAgent("broken", "model = \"openai/gpt-4o\"\n\ntemperature = 3\n")
    let result = try await orchat.run(["agents", "--json"], environment: environment())
    #expect(result.status == 1)
    #expect(result.stderr == "error: \(broken.path):3: temperature: must be between 0 and 2\n")
    let agents = try #require(try json(result) as? [[String: Any]])
    #expect(agents.map { $0["name"] as? String } == ["assistant", "coder", "poet", "writer"])
    #expect(
      Set(agents[0].keys) == [
        "name", "description", "system_prompt", "model", "fallback_models", "temperature", "top_p",
        "max_tokens", "reasoning_effort", "pdf_engine", "provider", "tags", "source", "web_search",
        "cache",
      ])
    let show = try await orchat.run(["agents", "show", "coder"], environment: environment())
    #expect(show.status == 0)
    #expect(show.stdout.contains("model: anthropic/claude-sonnet-4.6\n"))
    let missing = try await orchat.run(["agents", "show", "broken"], environment: environment())
    #expect(missing.stderr == "error: \(broken.path):3: temperature: must be between 0 and 2\n")
  }

  @Test func askUsesTheChosenAgentAndUsageSumsTheRequests() async throws {
    let stub = try await StubOpenRouter.start()
    let coder = try await orchat.run(
      ["ask", "--agent", "coder", "hi"], environment: environment(stub))
    #expect(coder.status == 0, "\(coder.stderr)")
    #expect(coder.stdout == "You said: hi\n")
    let sent = try #require(stub.chatRequests.first).chatRequest()
    #expect(sent.models == ["anthropic/claude-sonnet-4.6", "openai/gpt-5.1"])
    #expect(sent.temperature == 0.2)
    #expect(sent.maxTokens == 8192)
    #expect(sent.messages.first?.role == .system)
    // Continuing keeps the session's agent.
    let again = try await orchat.run(
      ["ask", "--session", "last", "more"], environment: environment(stub))
    #expect(again.status == 0)
    #expect(try stub.chatRequests[1].chatRequest().models?.first == "anthropic/claude-sonnet-4.6")
    let other = try await orchat.run(
      ["ask", "--agent", "writer", "poem"], environment: environment(stub))
    #expect(other.status == 0)

    let usage = try await orchat.run(
      ["usage", "--by", "agent", "--json"], environment: environment())
    #expect(usage.status == 0, "\(usage.stderr)")
    let report = try #require(try json(usage) as? [String: Any])
    #expect(report["by"] as? String == "agent")
    let rows = try #require(report["rows"] as? [[String: Any]])
    #expect(rows.map { $0["key"] as? String } == ["coder", "writer"])
    #expect(rows.map { $0["requests"] as? Int } == [2, 1])
    let total = try #require(report["total"] as? [String: Any])
    #expect(total["prompt_tokens"] as? Int == 27)
    #expect((total["cost"] as? NSNumber)?.decimalValue == Decimal(string: "0.00003"))
    let none = try await orchat.run(
      ["usage", "--since", "2999-01-01", "--json"], environment: environment())
    let empty = try #require(try json(none) as? [String: Any])
    #expect((empty["rows"] as? [Any])?.isEmpty == true)
    let bad = try await orchat.run(["usage", "--since", "yesterday"], environment: environment())
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("is not a date"))
    await stub.shutdown()
  }
}
