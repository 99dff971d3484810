/// What `orchat compare` was asked to do.
public struct CompareOptions: Sendable {
  /// 2 to 4 models, asked at once; the first one's reply is the session's chosen one.
  public var models: [String]
  public var temperature: Double?
  public var maxTokens: Int?
  /// Replaces the agent's system prompt.
  public var system: String?
  public var json: Bool
  /// The agent's name; `nil`: the session's agent, else the configured default.
  public var agent: String?
  /// The session to continue (`last`, an id or a unique prefix); `nil`: a new session.
  public var session: String?
  /// The prompt, already joined from standard input and the arguments.
  public var prompt: String
  /// `--web`: `true` searches whatever the agent says; `nil` follows the agent.
  public var webSearch: Bool?

  public init(
    models: [String], temperature: Double? = nil, maxTokens: Int? = nil, system: String? = nil,
    json: Bool = false, agent: String? = nil, session: String? = nil, prompt: String,
    webSearch: Bool? = nil
  ) {
    self.models = models
    self.temperature = temperature
    self.maxTokens = maxTokens
    self.system = system
    self.json = json
    self.agent = agent
    self.session = session
    self.prompt = prompt
    self.webSearch = webSearch
  }
}
