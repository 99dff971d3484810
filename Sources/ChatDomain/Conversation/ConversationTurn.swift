/// What the user asks for: a message, in a session (or a new one), from an agent, with any
/// settings changed for this session.
public struct ConversationTurn: Sendable, Hashable {
  /// The session to continue; `nil` starts a new one titled after `text`.
  public var sessionID: String?
  public var agent: Agent
  public var overrides: ConversationOverrides
  public var text: String
  /// `false` asks for the whole reply at once (`stream: false`); events still arrive, the
  /// text in one piece.
  public var streams: Bool
  /// Files sent with the message, stored with it and sent again with the history.
  public var attachments: [AttachmentFile]
  /// The user message this one replaces (an edit): the new message goes to the same place,
  /// a new branch, and the old one is kept with everything after it. `nil`: the message goes
  /// at the end of the session's active path.
  public var replacing: String?

  public init(
    sessionID: String? = nil, agent: Agent, overrides: ConversationOverrides = .init(),
    text: String, streams: Bool = true, attachments: [AttachmentFile] = [],
    replacing: String? = nil
  ) {
    self.sessionID = sessionID
    self.agent = agent
    self.overrides = overrides
    self.text = text
    self.streams = streams
    self.attachments = attachments
    self.replacing = replacing
  }
}

/// The same prompt to several models at once (a compare): one reply each, side by side, all
/// kept as variants of each other.
public struct CompareTurn: Sendable, Hashable {
  /// The most models one compare asks.
  public static let modelLimit = 4

  /// The session to continue; `nil` starts a new one (then `text` is needed).
  public var sessionID: String?
  public var agent: Agent
  /// The session's settings; each reply replaces the model with its own, without fallbacks.
  public var overrides: ConversationOverrides
  /// The prompt; `nil` asks the session's last user message again.
  public var text: String?
  /// The models, in order: the first one's reply is the selected one until another is kept.
  public var models: [String]
  public var streams: Bool
  /// Files sent with a new prompt.
  public var attachments: [AttachmentFile]

  public init(
    sessionID: String? = nil, agent: Agent, overrides: ConversationOverrides = .init(),
    text: String?, models: [String], streams: Bool = true, attachments: [AttachmentFile] = []
  ) {
    self.sessionID = sessionID
    self.agent = agent
    self.overrides = overrides
    self.text = text
    self.models = models
    self.streams = streams
    self.attachments = attachments
  }
}

/// Settings changed mid-session (the full-screen app's model picker, `ask --model`); each
/// replaces the agent's value.
public struct ConversationOverrides: Sendable, Hashable {
  /// Replaces the agent's model; then the agent's fallbacks are dropped too, since they were
  /// chosen for its model, and only `fallbackModels` are used.
  public var model: String?
  /// Replaces the fallback list (`[]` for none).
  public var fallbackModels: [String]?
  public var temperature: Double?
  public var systemPrompt: String?
  public var maxTokens: Int?
  /// Turns web search on or off whatever the agent says (`/web`, `ask --web`); with the
  /// agent's engine and result count when it has them.
  public var webSearch: Bool?

  public init(
    model: String? = nil, fallbackModels: [String]? = nil, temperature: Double? = nil,
    systemPrompt: String? = nil, maxTokens: Int? = nil, webSearch: Bool? = nil
  ) {
    self.model = model
    self.fallbackModels = fallbackModels
    self.temperature = temperature
    self.systemPrompt = systemPrompt
    self.maxTokens = maxTokens
    self.webSearch = webSearch
  }

  /// The web search settings for a message to `agent`: `nil` when searching is off.
  public func webSearch(for agent: Agent) -> Agent.WebSearch? {
    switch webSearch {
    case true?: agent.webSearch ?? Agent.WebSearch()
    case false?: nil
    case nil: agent.webSearch
    }
  }
}
