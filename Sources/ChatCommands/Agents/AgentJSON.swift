import ChatDomain
import ChatCore

/// One agent in `agents --json` and `agents show --json`.
struct AgentJSON: Encodable {
  var agent: Agent

  init(_ agent: Agent) {
    self.agent = agent
  }

  enum CodingKeys: String, CodingKey {
    case name, description, model, temperature, provider, tags, source
    case systemPrompt = "system_prompt"
    case fallbackModels = "fallback_models"
    case topP = "top_p"
    case maxTokens = "max_tokens"
    case reasoningEffort = "reasoning_effort"
    case pdfEngine = "pdf_engine"
  }

  enum ProviderKeys: String, CodingKey {
    case order, sort
    case allowFallbacks = "allow_fallbacks"
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(agent.name, forKey: .name)
    try container.encode(agent.description, forKey: .description)
    try container.encode(agent.systemPrompt, forKey: .systemPrompt)
    try container.encode(agent.model, forKey: .model)
    try container.encode(agent.fallbackModels, forKey: .fallbackModels)
    try container.encode(agent.temperature, forKey: .temperature)
    try container.encode(agent.topP, forKey: .topP)
    try container.encode(agent.maxTokens, forKey: .maxTokens)
    try container.encode(agent.reasoningEffort, forKey: .reasoningEffort)
    try container.encode(agent.pdfEngine, forKey: .pdfEngine)
    if let provider = agent.provider {
      var nested = container.nestedContainer(keyedBy: ProviderKeys.self, forKey: .provider)
      try nested.encode(provider.order, forKey: .order)
      try nested.encode(provider.sort, forKey: .sort)
      try nested.encode(provider.allowFallbacks, forKey: .allowFallbacks)
    } else {
      try container.encodeNil(forKey: .provider)
    }
    try container.encode(agent.tags, forKey: .tags)
    try container.encode(AgentsCommandRunner.source(agent), forKey: .source)
  }
}
