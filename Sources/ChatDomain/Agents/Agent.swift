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

  /// Provider routing preferences (OpenRouter.docc/Requests.md, Provider routing).
  public struct ProviderRouting: Sendable, Hashable {
    /// Provider slugs to try first, in order.
    public var order: [String]?
    /// `price`, `throughput` or `latency`.
    public var sort: String?
    /// `false`: only the listed providers; fail rather than use others.
    public var allowFallbacks: Bool?

    public init(order: [String]? = nil, sort: String? = nil, allowFallbacks: Bool? = nil) {
      self.order = order
      self.sort = sort
      self.allowFallbacks = allowFallbacks
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
  /// How OpenRouter reads attached PDFs for this agent (`file-parser` plugin); one of
  /// `pdfEngines`, `nil` for `pdf_engine` of `config.toml`, else OpenRouter's choice.
  public var pdfEngine: String? = nil

  public var id: String { name }

  public init(
    name: String, description: String = "", systemPrompt: String? = nil, model: String,
    fallbackModels: [String] = [], temperature: Double? = nil, topP: Double? = nil,
    maxTokens: Int? = nil, reasoningEffort: String? = nil, provider: ProviderRouting? = nil,
    tags: [String] = [], source: Source = .builtIn
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
  }

  /// Names are file names and command-line arguments: see `Identifier`.
  public static func isValidName(_ name: String) -> Bool {
    Identifier.isValid(name)
  }
}
