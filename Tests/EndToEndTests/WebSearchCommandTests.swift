import Foundation
import TestSupport
import Testing

/// `orchat ask --web`, sources in text and JSON, routing from files, and `orchat usage` with
/// the cache columns: the real binary against the stub.
@Suite struct WebSearchCommandTests {
  let orchat: BinaryRunner
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  func environment(_ stub: StubOpenRouter) -> [String: String] {
    home.environment(stub: stub)
  }

  @Test func askWebJSONCarriesTheCitationsAndTheUsageFigures() async throws {
    let stub = try await StubOpenRouter.start()
    let result = try await orchat.run(
      ["ask", "--web", "--json", "--model", "stub/web-search-ranged", "latest Swift?"],
      environment: environment(stub))
    #expect(result.status == 0, "\(result.stderr)")
    let sent = try #require(stub.chatRequests.first)
    #expect(sent.json?["tools"] == .array([.object(["type": .string("openrouter:web_search")])]))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let citations = try #require(object["citations"] as? [[String: Any]])
    #expect(citations.count == 1)
    #expect(Set(citations[0].keys) == ["url", "title", "start_index", "end_index"])
    #expect(citations[0]["url"] as? String == "https://www.swift.org/blog/")
    #expect(citations[0]["title"] as? String == "Swift.org - Blog")
    let content = try #require(object["content"] as? String)
    let start = try #require(citations[0]["start_index"] as? Int)
    let end = try #require(citations[0]["end_index"] as? Int)
    let passage = String(
      String.UnicodeScalarView(content.unicodeScalars.dropFirst(start).prefix(end - start)))
    #expect(passage == "([swift.org](https://www.swift.org/blog/))")
    #expect(object["provider"] as? String == "OpenAI")
    let usage = try #require(object["usage"] as? [String: Any])
    #expect(usage["cached_tokens"] as? Int == 4352)
    #expect(usage["web_searches"] as? Int == 2)
    #expect((usage["cache_savings"] as? NSNumber)?.decimalValue == Decimal(string: "0.0098"))
    #expect(result.stdout.contains(#""cost":0.0427556,"#))
    await stub.shutdown()
  }

  @Test func askPrintsTheSourcesAfterTheReply() async throws {
    let stub = try await StubOpenRouter.start()
    let result = try await orchat.run(
      ["ask", "--web", "--model", "stub/web-search", "docs?"], environment: environment(stub))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "Swift's documentation is at swift.org.\n\nSources:\n"
        + "[1] Swift Documentation — https://www.swift.org/documentation/\n"
        + "[2] https://github.com/swiftlang/swift\n"
        + "[3] Swift (programming language) - Wikipedia — "
        + "https://en.wikipedia.org/wiki/Swift_(programming_language)\n")
    // Without sources nothing is added, and without --web no tool is sent.
    let plain = try await orchat.run(
      ["ask", "--model", "stub/ok-stream", "hi"], environment: environment(stub))
    #expect(plain.stdout == "Hello, wörld 👋\n")
    #expect(try stub.chatRequests[1].chatRequest().tools == nil)
    await stub.shutdown()
  }

  @Test func routingFromConfigAndAgentFilesGoesOutMerged() async throws {
    let stub = try await StubOpenRouter.start()
    try home.writeConfig("[provider]\ndata_collection = \"deny\"\nsort = \"price\"\n")
    try home.writeAgent(
      "private",
      "model = \"anthropic/claude-sonnet-4.6\"\nweb_search = { engine = \"native\" }\ncache = false\n\n"
        + "[provider]\nzdr = true\nsort = \"latency\"\nonly = [\"anthropic\"]\n")
    let result = try await orchat.run(
      ["ask", "--agent", "private", "hi"], environment: environment(stub))
    #expect(result.status == 0, "\(result.stderr)")
    let sent = try #require(stub.chatRequests.first).json
    #expect(
      sent?["provider"]
        == .object([
          "data_collection": .string("deny"), "sort": .string("latency"), "zdr": .bool(true),
          "only": .array([.string("anthropic")]),
        ]))
    #expect(
      sent?["tools"]
        == .array([
          .object([
            "type": .string("openrouter:web_search"),
            "parameters": .object(["engine": .string("native")]),
          ])
        ]))
    // cache = false: the prompt goes out as plain strings.
    guard case .array(let messages)? = sent?["messages"] else {
      Issue.record("no messages")
      return
    }
    #expect(messages.first?["content"] == .string("hi"))
    await stub.shutdown()
  }

  @Test func mistakesInRoutingSettingsNameTheFileLineAndKey() async throws {
    let stub = try await StubOpenRouter.start()
    let config = try home.writeConfig("theme = \"dark\"\n[provider]\nzdr = \"yes\"\n")
    let result = try await orchat.run(["ask", "hi"], environment: environment(stub))
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "error: \(config.path):3: provider.zdr: must be true or false, not a string\n")
    #expect(stub.chatRequests.isEmpty)
    try home.writeConfig("")
    let agent = try home.writeAgent(
      "cheap", "model = \"openai/gpt-4o\"\n[provider]\nmax_price = { prompt = \"low\" }\n")
    let agents = try await orchat.run(["agents"], environment: environment(stub))
    #expect(agents.status == 1)
    #expect(
      agents.stderr.contains(
        "error: \(agent.path):3: provider.max_price.prompt: must be a number, not a string"))
    await stub.shutdown()
  }

  @Test func usageShowsCachedTokensAndCacheSavings() async throws {
    let stub = try await StubOpenRouter.start()
    for _ in 0..<2 {
      let ask = try await orchat.run(
        ["ask", "--model", "stub/web-search-ranged", "q"], environment: environment(stub))
      #expect(ask.status == 0, "\(ask.stderr)")
    }
    let table = try await orchat.run(["usage"], environment: environment(stub))
    #expect(table.status == 0, "\(table.stderr)")
    let lines = table.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.contains("CACHED  CACHE SAVINGS  COST") == true, "\(table.stdout)")
    #expect(lines.last?.hasPrefix("TOTAL") == true)
    #expect(lines.last?.contains(" 8704  $0.0196") == true, "\(table.stdout)")
    let json = try await orchat.run(["usage", "--json"], environment: environment(stub))
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let total = try #require(report["total"] as? [String: Any])
    #expect(total["cached_tokens"] as? Int == 8704)
    #expect((total["cache_savings"] as? NSNumber)?.decimalValue == Decimal(string: "0.0196"))
    #expect(total["web_searches"] as? Int == 4)
    await stub.shutdown()
  }

  @Test func sourcesSurviveShowExportAndImport() async throws {
    let stub = try await StubOpenRouter.start()
    for model in ["stub/web-search", "stub/web-search-ranged"] {
      let ask = try await orchat.run(
        ["ask", "--web", "--model", model, "q"], environment: environment(stub))
      #expect(ask.status == 0, "\(ask.stderr)")
    }
    let show = try await orchat.run(["sessions", "show", "last"], environment: environment(stub))
    #expect(
      show.stdout.contains(
        "([swift.org](https://www.swift.org/blog/)).\nSources:\n"
          + "[1] Swift.org - Blog — https://www.swift.org/blog/\n"))
    let file = home.root.appending("all.json")
    let export = try await orchat.run(
      ["sessions", "export", "--all", "--output", file.path], environment: environment(stub))
    #expect(export.status == 0, "\(export.stderr)")
    let exported = try String(contentsOf: file, encoding: .utf8)
    #expect(exported.contains(#""citations" : ["#))
    #expect(exported.contains(#""url" : "https://github.com/swiftlang/swift""#))
    let elsewhere = try OrchatHome()
    let imported = try await orchat.run(
      ["sessions", "import", file.path], environment: elsewhere.environment)
    #expect(imported.status == 0, "\(imported.stderr)")
    let again = try await orchat.run(
      ["sessions", "export", "--all"], environment: elsewhere.environment)
    #expect(again.stdout == exported)
    await stub.shutdown()
  }
}
