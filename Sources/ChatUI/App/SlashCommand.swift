/// A command typed in the input, such as `/model openai/gpt-4o`.
public enum SlashCommand: Sendable, Hashable {
  case model(String?)
  case agent(String?)
  case new
  case sessions
  case search(String)
  case retry
  case edit
  case copy(Int?)
  case export(ExportFormat, path: String?)
  case title(String)
  case theme(String?)
  case system(String?)
  case temperature(Double?)
  /// `/attach PATH…`: the rest of the line, paths separated by spaces (quoted when they
  /// hold spaces).
  case attach(String?)
  /// `/detach [N]`.
  case detach(Int?)
  /// `/web`, `/web on`, `/web off`: `nil` toggles.
  case web(Bool?)
  case provider
  /// `/compare MODEL MODEL [MODEL…] [PROMPT]`: the models (those leading words with a `/`),
  /// and the prompt after them (`nil`: the last message again).
  case compare([String], prompt: String?)
  /// `/keep N`: keep reply N of the compare.
  case keep(Int)
  case help
  case quit

  /// Every command name, for completion and help.
  public static let names = [
    "agent", "attach", "compare", "copy", "detach", "edit", "export", "help", "keep", "model",
    "new", "provider", "quit", "retry", "search", "sessions", "system", "temperature", "theme",
    "title", "web",
  ]

  /// The usage line of each command.
  public static let usage: [String: String] = [
    "model": "/model [ID]  use a model for this session (no ID: the picker)",
    "agent": "/agent [NAME]  switch agent (no name: the list)",
    "new": "/new  start a new session",
    "sessions": "/sessions  browse sessions",
    "search": "/search TEXT  search every session",
    "retry": "/retry  regenerate the last reply",
    "edit": "/edit  edit your last message and send it as a new branch",
    "compare":
      "/compare MODEL MODEL [MODEL…] [PROMPT]  ask 2 to 4 models at once, side by side "
      + "(no prompt: your last message again)",
    "keep": "/keep N  keep reply N of the compare and go on with it",
    "copy": "/copy [N]  copy the last reply, or its code block N",
    "export": "/export md|json [PATH]  export this session",
    "title": "/title TEXT  rename this session",
    "theme": "/theme NAME  switch theme",
    "system": "/system TEXT  set this session's system prompt (no text: the agent's)",
    "temperature": "/temperature T  set this session's temperature (no value: the agent's)",
    "attach": "/attach PATH…  attach files (images, PDFs, audio, text) to the next message",
    "detach": "/detach [N]  remove attachment N (no N: the last)",
    "web": "/web [on|off]  let the model search the web in this session (no argument: switch)",
    "provider": "/provider  show the provider routing the next message is sent with",
    "help": "/help  keys and commands",
    "quit": "/quit  quit",
  ]

  /// Parses `text` (starting with `/`).
  /// - Returns: the command, or a one-line reason it is not one.
  public static func parse(_ text: String) -> Result<SlashCommand, SlashCommandError> {
    let body = text.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines)
    let name = String(body.prefix { !$0.isWhitespace }).lowercased()
    let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespacesAndNewlines)
    let value: String? = argument.isEmpty ? nil : argument
    switch name {
    case "model": return .success(.model(value))
    case "agent": return .success(.agent(value))
    case "new": return .success(.new)
    case "sessions": return .success(.sessions)
    case "search":
      guard let value else { return .failure(.missingArgument("search", "/search TEXT")) }
      return .success(.search(value))
    case "retry", "regenerate": return .success(.retry)
    case "edit": return .success(.edit)
    case "copy":
      guard let value else { return .success(.copy(nil)) }
      guard let number = Int(value), number > 0 else {
        return .failure(.badArgument("copy", "/copy [N]: N is a code block number"))
      }
      return .success(.copy(number))
    case "export":
      let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
      guard let first = parts.first,
        let format = ExportFormat(
          rawValue: first.lowercased() == "markdown" ? "md" : first.lowercased())
      else {
        return .failure(.badArgument("export", "/export md|json [PATH]"))
      }
      return .success(.export(format, path: parts.count > 1 ? parts[1] : nil))
    case "title", "rename":
      guard let value else { return .failure(.missingArgument("title", "/title TEXT")) }
      return .success(.title(value))
    case "theme": return .success(.theme(value))
    case "system": return .success(.system(value))
    case "temperature", "temp":
      guard let value else { return .success(.temperature(nil)) }
      guard let number = Double(value), (0...2).contains(number) else {
        return .failure(.badArgument("temperature", "/temperature T: T from 0 to 2"))
      }
      return .success(.temperature(number))
    case "attach": return .success(.attach(value))
    case "detach":
      guard let value else { return .success(.detach(nil)) }
      guard let number = Int(value), number > 0 else {
        return .failure(.badArgument("detach", "/detach [N]: N is an attachment's number"))
      }
      return .success(.detach(number))
    case "web":
      switch value?.lowercased() {
      case nil: return .success(.web(nil))
      case "on"?: return .success(.web(true))
      case "off"?: return .success(.web(false))
      default: return .failure(.badArgument("web", "/web [on|off]"))
      }
    case "provider", "providers": return .success(.provider)
    case "compare":
      var rest = Substring(argument)
      var models: [String] = []
      while let word = rest.split(whereSeparator: \.isWhitespace).first, word.contains("/") {
        models.append(String(word))
        rest = rest[word.endIndex...].drop { $0.isWhitespace }
      }
      guard (2...4).contains(models.count) else {
        return .failure(
          .badArgument("compare", "/compare MODEL MODEL [MODEL…] [PROMPT]: 2 to 4 model ids"))
      }
      let prompt = rest.trimmingCharacters(in: .whitespacesAndNewlines)
      return .success(.compare(models, prompt: prompt.isEmpty ? nil : prompt))
    case "keep":
      guard let value, let number = Int(value), (1...4).contains(number) else {
        return .failure(.badArgument("keep", "/keep N: N is the reply's number, 1 to 4"))
      }
      return .success(.keep(number))
    case "help", "?": return .success(.help)
    case "quit", "exit", "q": return .success(.quit)
    default: return .failure(.unknown(name))
    }
  }
}

public enum SlashCommandError: Error, Sendable, Hashable, CustomStringConvertible {
  case unknown(String)
  case missingArgument(String, String)
  case badArgument(String, String)

  public var description: String {
    switch self {
    case .unknown(let name):
      "Unknown command /\(name): try /help (or start the message with a space to send it)"
    case .missingArgument(_, let usage): "Usage: \(usage)"
    case .badArgument(_, let usage): "Usage: \(usage)"
    }
  }
}
