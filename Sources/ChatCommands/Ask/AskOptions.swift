import ChatDomain
import Foundation

/// What `orchat ask` was asked to do.
public struct AskOptions: Sendable {
  /// One model, or a fallback list tried in order (sent as `models`); replaces the agent's
  /// model and fallbacks. Empty: the agent's.
  public var models: [String]
  public var temperature: Double?
  public var maxTokens: Int?
  /// Replaces the agent's system prompt.
  public var system: String?
  public var stream: Bool
  public var json: Bool
  /// The agent's name; `nil`: the session's agent, else the configured default.
  public var agent: String?
  /// The session to continue (`last`, an id or a unique prefix); `nil`: a new session.
  public var session: String?
  /// The prompt, already joined from standard input and the arguments.
  public var prompt: String
  /// `--web`: `true` searches whatever the agent says; `nil` follows the agent.
  public var webSearch: Bool?
  /// `--attach`: files to send with the prompt, in order. `-` stands for
  /// `standardInputFile`.
  public var attachments: [String] = []
  /// Standard input's bytes when `--attach -` took them as a file (they were not text).
  public var standardInputFile: Data?
  /// `--save-images`: where images the model makes are written (default: the current
  /// directory).
  public var saveImagesDirectory: String?
  /// The files read from `attachments`, sent with the prompt.
  public var attachmentFiles: [AttachmentFile] = []
  /// `--force`: send attachments even to a model whose catalog entry does not take them.
  public var force = false

  public init(
    models: [String] = [], temperature: Double? = nil, maxTokens: Int? = nil,
    system: String? = nil, stream: Bool = true, json: Bool = false, agent: String? = nil,
    session: String? = nil, prompt: String, webSearch: Bool? = nil
  ) {
    self.models = models
    self.agent = agent
    self.session = session
    self.temperature = temperature
    self.maxTokens = maxTokens
    self.system = system
    self.stream = stream
    self.json = json
    self.prompt = prompt
    self.webSearch = webSearch
  }

  /// Standard input's text first, a blank line, then the arguments' text, so
  /// `git diff | orchat ask "review this"` reads naturally. Either part may be empty.
  public static func joinPrompt(standardInput: String?, arguments: [String]) -> String {
    let fromArguments = arguments.joined(separator: " ")
    let fromInput = (standardInput ?? "").trimmingTrailingNewlines
    switch (fromInput.isEmpty, fromArguments.isEmpty) {
    case (true, _): return fromArguments
    case (false, true): return fromInput
    case (false, false): return fromInput + "\n\n" + fromArguments
    }
  }
}

extension String {
  var trimmingTrailingNewlines: String {
    var text = self
    while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
    return text
  }
}
