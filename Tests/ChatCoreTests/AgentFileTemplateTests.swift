import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCore

/// `orchat agents new` writes `AgentFileTemplate.text`: it must load back as the same agent,
/// whatever its strings hold.
@Suite struct AgentFileTemplateTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
  }

  func roundTrip(_ agent: Agent) throws -> Agent {
    try directory.write(
      AgentFileTemplate.text(for: agent, origin: "a test"), to: "\(agent.name).toml")
    let catalog = AgentCatalog.load(from: directory.url)
    #expect(catalog.issues.isEmpty, "\(catalog.issues.map(\.userMessage))")
    return try catalog.resolve(agent.name)
  }

  func expectSameSettings(_ loaded: Agent, _ original: Agent) {
    #expect(loaded.name == original.name)
    #expect(loaded.description == original.description)
    #expect(loaded.systemPrompt == original.systemPrompt)
    #expect(loaded.model == original.model)
    #expect(loaded.fallbackModels == original.fallbackModels)
    #expect(loaded.temperature == original.temperature)
    #expect(loaded.topP == original.topP)
    #expect(loaded.maxTokens == original.maxTokens)
    #expect(loaded.reasoningEffort == original.reasoningEffort)
    #expect(loaded.tags == original.tags)
    #expect(loaded.provider == original.provider)
  }

  @Test func everyBuiltInAgentLoadsBackUnderANewName() throws {
    for builtIn in Agent.builtIns {
      var copy = builtIn
      copy.name = "copy-of-\(builtIn.name)"
      expectSameSettings(try roundTrip(copy), copy)
    }
  }

  @Test func aBareAgentLeavesEverySettingButTheModelCommentedOut() throws {
    let agent = Agent(name: "scratch", model: "openai/gpt-4o-mini")
    let text = AgentFileTemplate.text(for: agent)
    let active = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
    #expect(active == ["description = \"\"", "model = \"openai/gpt-4o-mini\""])
    for key in Agent.fileKeys.subtracting(["name"]) {
      #expect(text.contains(key), "the template explains \(key)")
    }
    expectSameSettings(try roundTrip(agent), agent)
  }

  @Test func stringsThatNeedEscapingSurviveTheRoundTrip() throws {
    let agent = Agent(
      name: "tricky",
      description: "Quotes \" and \\ back\\slash, a\ttab and a\nnewline",
      systemPrompt: "Line one \"\"\" not the end\n\tindented \\n literal\r\nCRLF, bell \u{07}, "
        + "DEL \u{7F}, ünïcödé 🚀\n\"ends with a quote\"",
      model: "vendor/model:free", fallbackModels: ["a/\"b\"", "c\\d"], temperature: 0.2, topP: 1,
      maxTokens: 123, reasoningEffort: "minimal",
      provider: Agent.ProviderRouting(order: ["p1", "p2"], sort: "latency", allowFallbacks: false),
      tags: ["x y", "#not-a-comment"])
    expectSameSettings(try roundTrip(agent), agent)
  }

  @Test func aProviderTableWithoutSettingsLoadsAsAnEmptyOne() throws {
    let agent = Agent(name: "routed", model: "m/x", provider: Agent.ProviderRouting())
    expectSameSettings(try roundTrip(agent), agent)
  }
}
