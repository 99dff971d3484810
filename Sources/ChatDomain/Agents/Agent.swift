/// A named set of chat settings: the model (and fallbacks), the system prompt, sampling and
/// routing. Built-in agents exist without files; `<config>/agents/NAME.toml` defines or
/// overrides one.
public struct Agent: Sendable, Hashable, Identifiable {
  /// Where an agent was defined.
  public enum Source: Sendable, Hashable {
    case builtIn
    /// The agent file's path.
    case file(String)
  }

  /// `reasoning.effort` values OpenRouter accepts (OpenRouter.docc/Requests.md, Reasoning).
  public static let reasoningEfforts = ["max", "xhigh", "high", "medium", "low", "minimal", "none"]
  /// `provider.sort` values OpenRouter accepts (OpenRouter.docc/Requests.md, Provider routing).
  public static let providerSorts = ["price", "throughput", "latency"]
  /// PDF engines of the `file-parser` plugin (OpenRouter.docc/Multimodal.md, PDFs).
  public static let pdfEngines = ["pdf-text", "mistral-ocr", "native"]

  /// `provider.data_collection` values (OpenRouter.docc/Requests.md, Provider routing).
  public static let dataCollectionPolicies = ["allow", "deny"]
  /// `provider.quantizations` values OpenRouter knows.
  public static let quantizationLevels = [
    "int4", "int8", "fp4", "fp6", "fp8", "fp16", "bf16", "fp32", "unknown",
  ]
  /// Web search engines of OpenRouter's server tool (OpenRouter.docc/WebSearch.md).
  public static let webSearchEngines = [
    "auto", "native", "exa", "parallel", "firecrawl", "perplexity",
  ]

  /// Provider routing preferences (OpenRouter.docc/Requests.md, Provider routing). Every key
  /// is optional: `nil` leaves OpenRouter's default.
  public struct ProviderRouting: Sendable, Hashable {
    /// Provider slugs to try first, in order.
    public var order: [String]?
    /// `price`, `throughput` or `latency`.
    public var sort: String?
    /// `false`: only the listed providers; fail rather than use others.
    public var allowFallbacks: Bool?
    /// Only these providers, never others.
    public var only: [String]?
    /// Never these providers.
    public var ignore: [String]?
    /// `deny`: skip providers that may store or train on prompts.
    public var dataCollection: String?
    /// Only endpoints with zero data retention.
    public var zdr: Bool?
    /// Only providers that support every parameter sent.
    public var requireParameters: Bool?
    /// Accepted quantizations of open-weight models (`fp8`, `bf16`, …).
    public var quantizations: [String]?
    /// Price caps, USD per million tokens.
    public var maxPrice: MaxPrice?

    /// Caps in USD per million tokens; providers above them are skipped.
    public struct MaxPrice: Sendable, Hashable {
      public var prompt: Double?
      public var completion: Double?

      public init(prompt: Double? = nil, completion: Double? = nil) {
        self.prompt = prompt
        self.completion = completion
      }
    }

    public init(
      order: [String]? = nil, sort: String? = nil, allowFallbacks: Bool? = nil,
      only: [String]? = nil, ignore: [String]? = nil, dataCollection: String? = nil,
      zdr: Bool? = nil, requireParameters: Bool? = nil, quantizations: [String]? = nil,
      maxPrice: MaxPrice? = nil
    ) {
      self.order = order
      self.sort = sort
      self.allowFallbacks = allowFallbacks
      self.only = only
      self.ignore = ignore
      self.dataCollection = dataCollection
      self.zdr = zdr
      self.requireParameters = requireParameters
      self.quantizations = quantizations
      self.maxPrice = maxPrice
    }

    /// Whether no key is set.
    public var isEmpty: Bool { self == ProviderRouting() }

    /// These preferences over `defaults`: each key set here wins, the others come from
    /// `defaults` (a `max_price` cap by cap).
    public func merged(over defaults: ProviderRouting?) -> ProviderRouting {
      guard let defaults else { return self }
      var price = defaults.maxPrice
      if let own = maxPrice {
        price = MaxPrice(
          prompt: own.prompt ?? price?.prompt, completion: own.completion ?? price?.completion)
      }
      return ProviderRouting(
        order: order ?? defaults.order, sort: sort ?? defaults.sort,
        allowFallbacks: allowFallbacks ?? defaults.allowFallbacks, only: only ?? defaults.only,
        ignore: ignore ?? defaults.ignore,
        dataCollection: dataCollection ?? defaults.dataCollection, zdr: zdr ?? defaults.zdr,
        requireParameters: requireParameters ?? defaults.requireParameters,
        quantizations: quantizations ?? defaults.quantizations, maxPrice: price)
    }
  }

  /// Web search through OpenRouter's server tool (OpenRouter.docc/WebSearch.md). Present on
  /// an agent: searching is on for it.
  public struct WebSearch: Sendable, Hashable {
    /// One of `Agent.webSearchEngines`; `nil` lets OpenRouter choose (`auto`).
    public var engine: String?
    /// Results per search; `nil` is OpenRouter's default (5).
    public var maxResults: Int?

    public init(engine: String? = nil, maxResults: Int? = nil) {
      self.engine = engine
      self.maxResults = maxResults
    }
  }

  /// The agent's name: its file's name without `.toml`, unique.
  public var name: String
  public var description: String
  public var systemPrompt: String?
  /// The model id to request (`anthropic/claude-sonnet-4.6`).
  public var model: String
  /// Tried in order when `model` cannot answer (sent as `models`).
  public var fallbackModels: [String]
  public var temperature: Double?
  public var topP: Double?
  /// Cap on the reply's tokens; the engine sends a default when `nil`.
  public var maxTokens: Int?
  /// One of `reasoningEfforts`.
  public var reasoningEffort: String?
  public var provider: ProviderRouting?
  public var tags: [String]
  public var source: Source
  /// Web search for every message, when set (`web_search` in the file).
  public var webSearch: WebSearch?
  /// Whether prompts get cache breakpoints where the model needs them (`cache` in the file).
  public var cachesPrompts: Bool
  /// How OpenRouter reads attached PDFs for this agent (`file-parser` plugin); one of
  /// `pdfEngines`, `nil` for `pdf_engine` of `config.toml`, else OpenRouter's choice.
  public var pdfEngine: String? = nil

  public var id: String { name }

  public init(
    name: String, description: String = "", systemPrompt: String? = nil, model: String,
    fallbackModels: [String] = [], temperature: Double? = nil, topP: Double? = nil,
    maxTokens: Int? = nil, reasoningEffort: String? = nil, provider: ProviderRouting? = nil,
    tags: [String] = [], source: Source = .builtIn, webSearch: WebSearch? = nil,
    cachesPrompts: Bool = true
  ) {
    self.name = name
    self.description = description
    self.systemPrompt = systemPrompt
    self.model = model
    self.fallbackModels = fallbackModels
    self.temperature = temperature
    self.topP = topP
    self.maxTokens = maxTokens
    self.reasoningEffort = reasoningEffort
    self.provider = provider
    self.tags = tags
    self.source = source
    self.webSearch = webSearch
    self.cachesPrompts = cachesPrompts
  }

  /// The agent with `defaults` (the `[provider]` table of `config.toml`) under its own
  /// routing preferences.
  public func applyingProviderDefaults(_ defaults: ProviderRouting?) -> Agent {
    guard let defaults, !defaults.isEmpty else { return self }
    var agent = self
    let merged = (provider ?? ProviderRouting()).merged(over: defaults)
    agent.provider = merged.isEmpty ? nil : merged
    return agent
  }

  /// Names are file names and command-line arguments: see `Identifier`.
  public static func isValidName(_ name: String) -> Bool {
    Identifier.isValid(name)
  }
}
