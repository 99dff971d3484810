import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCore

/// The `[provider]` table of agent files and `config.toml`, `web_search` and `cache` of
/// agent files: what they read as, and the errors naming file, line and key.
@Suite struct RoutingAndSearchSettingsTests {
  let home: TemporaryDirectory

  init() throws {
    home = try TemporaryDirectory()
  }

  func agent(_ text: String) throws -> Agent {
    try Agent.parse(
      "model = \"anthropic/claude-sonnet-4.6\"\n" + text, name: "a", file: "agents/a.toml")
  }

  func agentError(_ text: String) throws -> ChatError {
    try #require(throws: ChatError.self) { try agent(text) }
  }

  @Test func everyProviderKeyIsRead() throws {
    let read = try agent(
      """
      [provider]
      order = ["anthropic", "amazon-bedrock"]
      sort = "latency"
      allow_fallbacks = false
      only = ["anthropic", "amazon-bedrock"]
      ignore = ["deepinfra"]
      data_collection = "deny"
      zdr = true
      require_parameters = true
      quantizations = ["fp8", "bf16"]
      max_price = { prompt = 3, completion = 15.5 }
      """)
    #expect(
      read.provider
        == Agent.ProviderRouting(
          order: ["anthropic", "amazon-bedrock"], sort: "latency", allowFallbacks: false,
          only: ["anthropic", "amazon-bedrock"], ignore: ["deepinfra"], dataCollection: "deny",
          zdr: true, requireParameters: true, quantizations: ["fp8", "bf16"],
          maxPrice: .init(prompt: 3, completion: 15.5)))
  }

  @Test func webSearchIsOnOffOrATable() throws {
    #expect(try agent("").webSearch == nil)
    #expect(try agent("web_search = true\n").webSearch == Agent.WebSearch())
    #expect(try agent("web_search = false\n").webSearch == nil)
    #expect(
      try agent("web_search = { max_results = 3, engine = \"exa\" }\n").webSearch
        == Agent.WebSearch(engine: "exa", maxResults: 3))
    #expect(
      try agent("[web_search]\nengine = \"native\"\n").webSearch
        == Agent.WebSearch(engine: "native"))
  }

  @Test func cachingIsOnUnlessTurnedOff() throws {
    #expect(try agent("").cachesPrompts)
    #expect(try agent("cache = false\n").cachesPrompts == false)
  }

  @Test func mistakesInAgentFilesNameTheFileTheLineAndTheKey() throws {
    let cases: [(String, String)] = [
      (
        "\n[provider]\ndata_collection = \"maybe\"\n",
        "agents/a.toml:4: provider.data_collection: must be one of allow, deny, not \"maybe\""
      ),
      (
        "[provider]\nzdr = \"yes\"\n",
        "agents/a.toml:3: provider.zdr: must be true or false, not a string"
      ),
      (
        "[provider]\nquantizations = [\"fp7\"]\n",
        "agents/a.toml:3: provider.quantizations: \"fp7\" is not a quantization (expected some of: "
          + "int4, int8, fp4, fp6, fp8, fp16, bf16, fp32, unknown)"
      ),
      (
        "[provider]\nmax_price = { prompt = \"cheap\" }\n",
        "agents/a.toml:3: provider.max_price.prompt: must be a number, not a string"
      ),
      (
        "[provider]\nmax_price = { prompt = -1 }\n",
        "agents/a.toml:3: provider.max_price.prompt: must be between 0 and 100000"
      ),
      (
        "[provider]\nmax_price = {}\n",
        "agents/a.toml:3: provider.max_price: needs prompt or completion (USD per million tokens)"
      ),
      (
        "[provider]\nonly = []\n", "agents/a.toml:3: provider.only: must list at least one provider"
      ),
      (
        "[provider]\nonly = [\"openai\"]\nignore = [\"openai\"]\n",
        "agents/a.toml:4: provider.ignore: \"openai\" is also in only"
      ),
      (
        "[provider]\nrequire_parameters = 1\n",
        "agents/a.toml:3: provider.require_parameters: must be true or false, not an integer"
      ),
      (
        "[provider]\nsortt = \"price\"\n",
        "agents/a.toml:3: provider.sortt: unknown key (expected one of: allow_fallbacks, "
          + "data_collection, ignore, max_price, only, order, quantizations, require_parameters, sort, zdr)"
      ),
      (
        "web_search = \"yes\"\n",
        "agents/a.toml:2: web_search: must be true or false, or a table with max_results and engine, not a string"
      ),
      (
        "web_search = { engine = \"bing\" }\n",
        "agents/a.toml:2: web_search.engine: must be one of auto, native, exa, parallel, firecrawl, perplexity, not \"bing\""
      ),
      (
        "[web_search]\nmax_results = 0\n",
        "agents/a.toml:3: web_search.max_results: must be at least 1"
      ),
      (
        "[web_search]\nmax_results = 26\n",
        "agents/a.toml:3: web_search.max_results: must be at most 25"
      ),
      (
        "[web_search]\ncount = 2\n",
        "agents/a.toml:3: web_search.count: unknown key (expected one of: engine, max_results)"
      ),
      ("cache = \"no\"\n", "agents/a.toml:2: cache: must be true or false, not a string"),
    ]
    for (text, message) in cases {
      #expect(try agentError(text).userMessage == message, "\(text)")
    }
  }

  @Test func configTakesProviderDefaultsAndChecksThem() throws {
    let file = try home.write(
      "theme = \"dark\"\nhyperlinks = false\n\n[provider]\ndata_collection = \"deny\"\nzdr = true\n",
      to: "config.toml")
    let config = try AppConfig.load(from: file)
    #expect(config.provider == Agent.ProviderRouting(dataCollection: "deny", zdr: true))
    #expect(config.hyperlinks == false)
    let broken = try home.write("[provider]\nzdr = true\nsort = \"cheapest\"\n", to: "config.toml")
    let error = try #require(throws: ChatError.self) { try AppConfig.load(from: broken) }
    #expect(error.kind == .configuration)
    #expect(
      error.userMessage
        == "\(broken.path):3: provider.sort: must be one of price, throughput, latency, not \"cheapest\""
    )
  }

  @Test func anAgentsOwnKeysWinOverTheConfigsKeyByKey() {
    let defaults = Agent.ProviderRouting(
      sort: "price", dataCollection: "deny", zdr: true, maxPrice: .init(prompt: 1, completion: 2))
    let own = Agent(
      name: "a", model: "m",
      provider: .init(sort: "latency", zdr: false, maxPrice: .init(completion: 9)))
    #expect(
      own.applyingProviderDefaults(defaults).provider
        == Agent.ProviderRouting(
          sort: "latency", dataCollection: "deny", zdr: false,
          maxPrice: .init(prompt: 1, completion: 9)))
    #expect(Agent(name: "b", model: "m").applyingProviderDefaults(defaults).provider == defaults)
    #expect(Agent(name: "c", model: "m").applyingProviderDefaults(nil).provider == nil)
  }

  @Test func theAgentTemplateWritesTheNewKeysAndLoadsBack() throws {
    let original = Agent(
      name: "searcher", model: "anthropic/claude-sonnet-4.6",
      provider: .init(
        order: ["anthropic"], only: ["anthropic"], dataCollection: "deny", zdr: true,
        quantizations: ["fp8"], maxPrice: .init(prompt: 3)),
      source: .file("agents/searcher.toml"), webSearch: .init(engine: "exa", maxResults: 4),
      cachesPrompts: false)
    let text = AgentFileTemplate.text(for: original)
    #expect(text.contains("web_search = { max_results = 4, engine = \"exa\" }"))
    #expect(text.contains("\ncache = false\n"))
    let loaded = try Agent.parse(text, name: "searcher", file: "agents/searcher.toml")
    #expect(loaded == original)
    let plain = Agent(name: "plain", model: "openai/gpt-5", source: .file("agents/plain.toml"))
    #expect(
      try Agent.parse(AgentFileTemplate.text(for: plain), name: "plain", file: "agents/plain.toml")
        == plain)
  }
}
