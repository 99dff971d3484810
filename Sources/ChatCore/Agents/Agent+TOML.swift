import ChatDomain

extension Agent {
  /// The keys an agent file may hold.
  static let fileKeys: Set<String> = [
    "name", "description", "system_prompt", "model", "fallback_models", "temperature", "top_p",
    "max_tokens", "reasoning_effort", "provider", "tags", "web_search", "cache", "pdf_engine",
  ]

  /// Parses an agent file.
  ///
  /// ```toml
  /// description = "Careful code reviews"
  /// system_prompt = """
  /// You review code. Be specific."""
  /// model = "anthropic/claude-sonnet-4.6"
  /// fallback_models = ["openai/gpt-5"]
  /// temperature = 0.2
  /// top_p = 0.9
  /// max_tokens = 8192
  /// reasoning_effort = "medium"
  /// tags = ["code"]
  /// web_search = true                 # or { max_results = 5, engine = "exa" }
  /// cache = false                     # no prompt-cache breakpoints
  ///
  /// [provider]
  /// order = ["anthropic", "amazon-bedrock"]
  /// sort = "throughput"
  /// allow_fallbacks = true
  /// data_collection = "deny"          # and only, ignore, zdr, require_parameters,
  ///                                   # quantizations, max_price (see ProviderRouting.parse)
  /// ```
  ///
  /// - Parameters:
  ///   - name: The file's name without `.toml`; a `name` key, when present, must match it.
  ///   - file: The path shown in errors.
  /// - Throws: `ChatError` of kind `agent`, naming the file, the line and the key.
  static func parse(_ text: String, name: String, file: String) throws -> Agent {
    let document = try TOMLDocument(text: text, file: file, kind: .agent)
    let table = TOMLTableReader(document: document, kind: .agent)
    try table.rejectUnknownKeys(fileKeys)
    if let declared = try table.string("name"), declared != name {
      throw table.error("name", "\"\(declared)\" does not match the file name \"\(name).toml\"")
    }
    guard let model = try table.string("model") else {
      throw ChatError(
        .agent, "missing key: every agent needs a model (model = \"vendor/model-id\")",
        file: file, key: "model")
    }
    guard !model.contains(where: \.isWhitespace) else {
      throw table.error("model", "a model id has no spaces (\"\(model)\")")
    }
    var agent = Agent(name: name, model: model, source: .file(file))
    agent.description = try table.string("description", allowEmpty: true) ?? ""
    agent.systemPrompt = try table.string("system_prompt", allowEmpty: true)
    agent.fallbackModels = try table.strings("fallback_models") ?? []
    agent.temperature = try table.number("temperature", in: 0...2)
    agent.topP = try table.number("top_p", in: 0...1)
    agent.maxTokens = try table.integer("max_tokens", atLeast: 1)
    agent.reasoningEffort = try table.choice("reasoning_effort", in: reasoningEfforts)
    agent.tags = try table.strings("tags") ?? []
    agent.pdfEngine = try table.choice("pdf_engine", in: pdfEngines)
    if let provider = try table.table("provider") {
      agent.provider = try ProviderRouting.parse(provider)
    }
    agent.webSearch = try parseWebSearch(table)
    agent.cachesPrompts = try table.boolean("cache") ?? true
    return agent
  }

  /// `web_search = true` (OpenRouter's defaults), `false`, or a table with `max_results`
  /// and `engine`.
  private static func parseWebSearch(_ table: TOMLTableReader) throws -> WebSearch? {
    switch table.values["web_search"] {
    case nil: return nil
    case .boolean?: return try table.boolean("web_search") == true ? WebSearch() : nil
    case .table?:
      guard let settings = try table.table("web_search") else { return nil }
      try settings.rejectUnknownKeys(["max_results", "engine"])
      var search = WebSearch(engine: try settings.choice("engine", in: webSearchEngines))
      if let count = try settings.integer("max_results", atLeast: 1) {
        guard count <= 25 else { throw settings.error("max_results", "must be at most 25") }
        search.maxResults = count
      }
      return search
    case let other?:
      throw table.error(
        "web_search",
        "must be true or false, or a table with max_results and engine, not \(other.typeName)")
    }
  }
}
