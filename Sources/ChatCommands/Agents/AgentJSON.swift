import ChatCore
import ChatDomain

/// One agent in `agents --json` and `agents show --json`.
struct AgentJSON: Encodable {
  var agent: Agent

  init(_ agent: Agent) {
    self.agent = agent
  }

  enum CodingKeys: String, CodingKey {
    case name, description, model, temperature, provider, tags, source, cache
    case webSearch = "web_search"
    case systemPrompt = "system_prompt"
    case fallbackModels = "fallback_models"
    case topP = "top_p"
    case maxTokens = "max_tokens"
    case reasoningEffort = "reasoning_effort"
    case pdfEngine = "pdf_engine"
  }

  enum ProviderKeys: String, CodingKey {
    case order, sort, only, ignore, zdr, quantizations
    case allowFallbacks = "allow_fallbacks"
    case dataCollection = "data_collection"
    case requireParameters = "require_parameters"
    case maxPrice = "max_price"
  }

  enum PriceKeys: String, CodingKey {
    case prompt, completion
  }

  enum WebSearchKeys: String, CodingKey {
    case engine
    case maxResults = "max_results"
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
      try nested.encode(provider.only, forKey: .only)
      try nested.encode(provider.ignore, forKey: .ignore)
      try nested.encode(provider.dataCollection, forKey: .dataCollection)
      try nested.encode(provider.zdr, forKey: .zdr)
      try nested.encode(provider.requireParameters, forKey: .requireParameters)
      try nested.encode(provider.quantizations, forKey: .quantizations)
      if let price = provider.maxPrice {
        var caps = nested.nestedContainer(keyedBy: PriceKeys.self, forKey: .maxPrice)
        try caps.encode(price.prompt, forKey: .prompt)
        try caps.encode(price.completion, forKey: .completion)
      } else {
        try nested.encodeNil(forKey: .maxPrice)
      }
    } else {
      try container.encodeNil(forKey: .provider)
    }
    if let search = agent.webSearch {
      var nested = container.nestedContainer(keyedBy: WebSearchKeys.self, forKey: .webSearch)
      try nested.encode(search.engine, forKey: .engine)
      try nested.encode(search.maxResults, forKey: .maxResults)
    } else {
      try container.encodeNil(forKey: .webSearch)
    }
    try container.encode(agent.cachesPrompts, forKey: .cache)
    try container.encode(agent.tags, forKey: .tags)
    try container.encode(AgentsCommandRunner.source(agent), forKey: .source)
  }
}
