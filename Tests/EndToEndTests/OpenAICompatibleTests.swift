import Foundation
import TestSupport
import Testing

/// orchat against a plain OpenAI-compatible server (a local llama.cpp or Ollama), played by
/// the stub: the catalog comes from the endpoint's own `/models`, the OpenRouter-only
/// fields (cost, credits, `/key`) are simply absent, and nothing errors.
@Suite struct OpenAICompatibleTests {
  let orchat: BinaryRunner
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  func environment(_ stub: StubOpenRouter) -> [String: String] {
    home.environment(stub: stub, key: "local")
  }

  func json(_ result: BinaryRunner.Result) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
  }

  @Test func theCatalogIsTheEndpointsOwnList() async throws {
    let stub = try await StubOpenRouter.start(flavor: .openAICompatible)
    // No cache yet: the bundled list is OpenRouter's, so the endpoint's own is fetched.
    let first = try await orchat.run(["models", "--json"], environment: environment(stub))
    #expect(first.status == 0, "\(first.stderr)")
    let models = try #require(try json(first) as? [[String: Any]])
    #expect(
      models.map { $0["id"] as? String } == [
        "llama-3.2-3b-instruct", "mistral-small", "qwen2.5-coder:7b",
      ])
    let llama = models[0]
    #expect(llama["name"] as? String == "llama-3.2-3b-instruct")
    #expect(llama["prompt_price_per_million"] is NSNull)
    #expect(llama["completion_price_per_million"] is NSNull)
    #expect(llama["variable_pricing"] as? Bool == false)
    #expect(llama["context_length"] is NSNull)
    #expect(stub.requests.filter { $0.path == "/api/v1/models" }.count == 1)
    // Cached now: the next listing reads the cache, and the table shows unknown prices as -.
    let table = try await orchat.run(["models"], environment: environment(stub))
    #expect(table.status == 0)
    #expect(stub.requests.filter { $0.path == "/api/v1/models" }.count == 1)
    let row = try #require(
      table.stdout.split(separator: "\n").first { $0.hasPrefix("mistral-small") })
    #expect(
      row.split(separator: " ", omittingEmptySubsequences: true).prefix(4) == [
        "mistral-small", "-", "-", "-",
      ])
    #expect(table.stderr.hasPrefix("3 of 3 models (fetched "))
    let refreshed = try await orchat.run(["models", "--refresh"], environment: environment(stub))
    #expect(refreshed.status == 0, "\(refreshed.stderr)")
    await stub.shutdown()
  }

  @Test func askStreamsAndStoresAReplyWithoutACost() async throws {
    let stub = try await StubOpenRouter.start(flavor: .openAICompatible)
    let streamed = try await orchat.run(
      ["ask", "--model", "llama-3.2-3b-instruct", "hello there"], environment: environment(stub))
    #expect(streamed.status == 0, "\(streamed.stderr)")
    #expect(streamed.stdout == "You said: hello there\n")
    #expect(streamed.stderr.isEmpty)
    let sent = try #require(stub.chatRequests.first).chatRequest()
    #expect(sent.model == "llama-3.2-3b-instruct")

    let object = try await orchat.run(
      ["ask", "--json", "--model", "llama-3.2-3b-instruct", "--session", "last", "again"],
      environment: environment(stub))
    #expect(object.status == 0, "\(object.stderr)")
    let reply = try #require(try json(object) as? [String: Any])
    #expect(reply["content"] as? String == "You said: again")
    #expect(reply["model"] as? String == "llama-3.2-3b-instruct")
    #expect(reply["finish_reason"] as? String == "stop")
    let usage = try #require(reply["usage"] as? [String: Any])
    #expect(usage["prompt_tokens"] as? Int == 9)
    #expect(usage["completion_tokens"] as? Int == 4)
    #expect(usage["cost"] is NSNull)

    let whole = try await orchat.run(
      ["ask", "--no-stream", "--model", "mistral-small", "at once"], environment: environment(stub))
    #expect(whole.status == 0, "\(whole.stderr)")
    #expect(whole.stdout == "You said: at once\n")

    let session = try await orchat.run(
      ["sessions", "list", "--json"], environment: environment(stub))
    let sessions = try #require(try json(session) as? [[String: Any]])
    #expect(sessions.count == 2)
    #expect(sessions.allSatisfy { $0["cost"] is NSNull })
    let usageReport = try await orchat.run(["usage", "--json"], environment: environment(stub))
    #expect(usageReport.status == 0, "\(usageReport.stderr)")
    let total = try #require((try json(usageReport) as? [String: Any])?["total"] as? [String: Any])
    #expect(total["requests"] as? Int == 3)
    #expect(total["cost"] is NSNull)
    // No /key, no /generation: nothing asked for them.
    #expect(stub.requests.allSatisfy { $0.path.hasSuffix("/chat/completions") })
    await stub.shutdown()
  }

  @Test func doctorPassesWithoutKeyInformation() async throws {
    let stub = try await StubOpenRouter.start(flavor: .openAICompatible)
    #expect(
      try await orchat.run(["models", "--refresh"], environment: environment(stub)).status == 0)
    let result = try await orchat.run(["doctor"], environment: environment(stub))
    #expect(result.status == 0, "\(result.stdout)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("✓ endpoint: ") && $0.hasSuffix("lists 3 models") })
    #expect(
      lines.contains(
        "· key accepted: this endpoint has no /key, so credits and limits are unknown "
          + "(normal for a local OpenAI-compatible server)"))
    #expect(lines.contains { $0.hasPrefix("✓ catalog: 3 models, fetched ") })
    await stub.shutdown()
  }
}
