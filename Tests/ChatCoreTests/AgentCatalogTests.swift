import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCore

@Suite struct AgentCatalogTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
  }

  @Test func builtInAgentsExistWithoutFiles() throws {
    let catalog = AgentCatalog.load(from: directory.appending("missing"))
    #expect(catalog.agents.map(\.name) == ["assistant", "coder", "writer"])
    #expect(catalog.issues.isEmpty)
    #expect(try catalog.resolve("coder").source == .builtIn)
  }

  @Test func readsEveryFieldOfAnAgentFile() throws {
    try directory.write(
      """
      name = "reviewer"
      description = "Careful reviews"
      system_prompt = \"\"\"
      Review the code.
      Be specific.\"\"\"
      model = "anthropic/claude-sonnet-4.6"
      fallback_models = ["openai/gpt-5", "google/gemini-2.5-pro"]
      temperature = 0.3
      top_p = 0.9
      max_tokens = 2000
      reasoning_effort = "high"
      tags = ["code", "review"]

      [provider]
      order = ["anthropic", "amazon-bedrock"]
      sort = "throughput"
      allow_fallbacks = false
      """, to: "reviewer.toml")
    let agent = try AgentCatalog.load(from: directory.url).resolve("reviewer")
    #expect(agent.description == "Careful reviews")
    #expect(agent.systemPrompt == "Review the code.\nBe specific.")
    #expect(agent.model == "anthropic/claude-sonnet-4.6")
    #expect(agent.fallbackModels == ["openai/gpt-5", "google/gemini-2.5-pro"])
    #expect(agent.temperature == 0.3)
    #expect(agent.topP == 0.9)
    #expect(agent.maxTokens == 2000)
    #expect(agent.reasoningEffort == "high")
    #expect(agent.tags == ["code", "review"])
    #expect(
      agent.provider
        == Agent.ProviderRouting(
          order: ["anthropic", "amazon-bedrock"], sort: "throughput", allowFallbacks: false))
    #expect(agent.source == .file(directory.appending("reviewer.toml").path))
  }

  @Test func aUserFileOverridesTheBuiltInOfTheSameName() throws {
    try directory.write("model = \"openai/gpt-4o\"\ntemperature = 1.5\n", to: "coder.toml")
    let coder = try AgentCatalog.load(from: directory.url).resolve("coder")
    #expect(coder.model == "openai/gpt-4o")
    #expect(coder.temperature == 1.5)
    #expect(coder.systemPrompt == nil)
    #expect(coder.fallbackModels.isEmpty)
  }

  @Test func aBrokenFileIsReportedWithFileLineAndKeyAndTheOthersStillLoad() throws {
    try directory.write("model = \"openai/gpt-4o\"\n", to: "alpha.toml")
    let broken = try directory.write(
      "description = \"hot\"\nmodel = \"openai/gpt-4o\"\ntemperature = 3.5\n", to: "broken.toml")
    try directory.write("model = \"openai/gpt-4o-mini\"\n", to: "zulu.toml")
    let catalog = AgentCatalog.load(from: directory.url)
    #expect(catalog.agents.map(\.name) == ["alpha", "assistant", "coder", "writer", "zulu"])
    let issue = try #require(catalog.issues.first)
    #expect(catalog.issues.count == 1)
    #expect(issue.userMessage == "\(broken.path):3: temperature: must be between 0 and 2")
    let resolved = try #require(throws: ChatError.self) { try catalog.resolve("broken") }
    #expect(resolved == issue)
  }

  @Test func aBrokenFileNamedLikeABuiltInHidesTheBuiltIn() throws {
    try directory.write("model = [1, 2]\n", to: "writer.toml")
    let catalog = AgentCatalog.load(from: directory.url)
    #expect(catalog.agent(named: "writer") == nil)
    let error = try #require(throws: ChatError.self) { try catalog.resolve("writer") }
    #expect(error.key == "model")
    #expect(error.line == 1)
  }

  @Test func fileProblemsAreSpecific() throws {
    let cases: [(String, String)] = [
      ("description = \"x\"\n", "model: missing key: every agent needs a model"),
      ("model = \"a/b\"\nname = \"other\"\n", "2: name: \"other\" does not match the file name"),
      ("model = \"a/b\"\nreasoning_effort = \"huge\"\n", "2: reasoning_effort: must be one of"),
      ("model = \"a/b\"\n[provider]\nsort = \"fastest\"\n", "3: provider.sort: must be one of"),
      ("model = \"a/b\"\nmax_tokens = 0\n", "2: max_tokens: must be at least 1"),
      ("model = \"a/b\"\ncolour = \"red\"\n", "2: colour: unknown key"),
      ("model = \"a b\"\n", "1: model: a model id has no spaces"),
      ("model = \"a/b\"\ntags = \"x\"\n", "2: tags: must be an array of strings, not a string"),
      ("model = \"a/b\nx", "not valid TOML"),
    ]
    for (text, expected) in cases {
      let file = try directory.write(text, to: "agent.toml")
      let issue = try #require(AgentCatalog.load(from: directory.url).issues.first)
      #expect(issue.file == file.path)
      #expect(issue.userMessage.contains(expected), "\(issue.userMessage)")
    }
  }

  @Test func unknownAgentListsTheAvailableOnes() throws {
    let error = try #require(throws: ChatError.self) {
      try AgentCatalog.load(from: directory.url).resolve("poet")
    }
    #expect(error.kind == .notFound)
    #expect(error.userMessage == "no agent named \"poet\" (available: assistant, coder, writer)")
  }
}
