import Foundation

/// The settings of `config.toml`. Every key is optional; a missing file is the defaults.
///
/// ```toml
/// default_agent = "coder"
/// theme = "dark"
/// mouse = true                  # false leaves the terminal's own text selection working
/// api_key = "sk-or-…"          # only accepted when the file's mode is 0600
///
/// [api]
/// base_url = "https://openrouter.ai/api/v1"
/// allow_insecure_base_url = false # true: allow http:// to a host other than this machine
/// app_title = "orchat"          # sent as X-Title
/// app_url = "https://…"         # sent as HTTP-Referer
/// connect_timeout = 10          # seconds
/// idle_timeout = 180            # seconds without a byte while streaming
/// request_timeout = 600         # seconds for a whole non-streaming request
///
/// [retry]
/// max_retries = 2
/// max_total_wait = 90           # seconds, all waits of one request together
///
/// [keys]                        # keybinding overrides, used by the full-screen app
/// submit = "ctrl+s"
/// quit = ["ctrl+q", "ctrl+c"]
///
/// [provider]                    # routing defaults for every agent
/// data_collection = "deny"
/// zdr = true
/// ```
public struct AppConfig: Sendable, Hashable {
  public static let defaultAgentName = "assistant"

  public var defaultAgent: String
  /// The theme's name, or `nil` for the built-in default.
  public var theme: String?
  /// Whether the full-screen app reports the mouse (wheel, clicks); off keeps the terminal's
  /// own text selection.
  public var isMouseEnabled = true
  /// The key from the file; only set when the file is private. `OPENROUTER_API_KEY` wins.
  public var apiKey: String?
  public var api: API
  public var retry: Retry
  /// Action name → key chords, in the user's order (`submit` → `["ctrl+s"]`). The names and
  /// chords are only checked to be well-formed strings here; the full-screen app resolves them.
  public var keyBindings: [String: [String]]
  /// Provider routing for every agent (`[provider]`); an agent's own keys win.
  public var provider: Agent.ProviderRouting?
  /// OSC 8 hyperlinks in the full-screen app: `nil` guesses from the terminal.
  public var hyperlinks: Bool?
  /// `pdf_engine`: how OpenRouter reads attached PDFs when the agent does not say; `nil`
  /// lets OpenRouter choose.
  public var pdfEngine: String? = nil
  /// `max_attachment_mb` (per file) and `max_message_attachment_mb` (per message).
  public var attachmentLimits = AttachmentLimits()

  public struct API: Sendable, Hashable {
    public var baseURL: String?
    /// Whether an `http://` base URL may name a host other than this machine (the key then
    /// travels unencrypted). Off by default: such a URL is refused.
    public var allowsInsecureBaseURL = false
    public var appTitle: String?
    /// Sent as `HTTP-Referer`.
    public var appURL: String?
    public var connectTimeout: Duration?
    public var idleTimeout: Duration?
    public var requestTimeout: Duration?

    public init(
      baseURL: String? = nil, appTitle: String? = nil, appURL: String? = nil,
      connectTimeout: Duration? = nil, idleTimeout: Duration? = nil,
      requestTimeout: Duration? = nil
    ) {
      self.baseURL = baseURL
      self.appTitle = appTitle
      self.appURL = appURL
      self.connectTimeout = connectTimeout
      self.idleTimeout = idleTimeout
      self.requestTimeout = requestTimeout
    }
  }

  public struct Retry: Sendable, Hashable {
    /// Retries after the first attempt.
    public var maxRetries: Int?
    public var maxTotalWait: Duration?

    public init(maxRetries: Int? = nil, maxTotalWait: Duration? = nil) {
      self.maxRetries = maxRetries
      self.maxTotalWait = maxTotalWait
    }
  }

  public init(
    defaultAgent: String = Self.defaultAgentName, theme: String? = nil, apiKey: String? = nil,
    api: API = API(), retry: Retry = Retry(), keyBindings: [String: [String]] = [:]
  ) {
    self.defaultAgent = defaultAgent
    self.theme = theme
    self.apiKey = apiKey
    self.api = api
    self.retry = retry
    self.keyBindings = keyBindings
  }
}

extension AppConfig: CustomStringConvertible {
  /// Never shows the key.
  public var description: String {
    "AppConfig(defaultAgent: \(defaultAgent), theme: \(theme ?? "default"), "
      + "apiKey: \(apiKey == nil ? "none" : "[set]"), api: \(api), retry: \(retry), "
      + "keyBindings: \(keyBindings.count))"
  }
}
