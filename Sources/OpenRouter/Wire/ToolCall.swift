/// A complete tool call of an assistant message.
public struct ToolCall: Sendable, Hashable, Codable {
  public var id: String
  public var type: String
  public var function: Function

  public struct Function: Sendable, Hashable, Codable {
    public var name: String
    /// The arguments as a JSON text (`"{}"` for a tool without arguments).
    public var arguments: String

    public init(name: String, arguments: String) {
      self.name = name
      self.arguments = arguments
    }
  }

  public init(id: String, name: String, arguments: String) {
    self.id = id
    self.type = "function"
    self.function = Function(name: name, arguments: arguments)
  }
}

/// A tool the model may call (`tools[]` of a request): a function the caller runs
/// (`type: "function"`), or a server tool OpenRouter runs itself, such as
/// `openrouter:web_search` (OpenRouter.docc/WebSearch.md, The server tool).
public struct ToolDefinition: Sendable, Hashable, Codable {
  public var type: String
  /// The function, for `type: "function"`; `nil` for a server tool.
  public var function: Function?
  /// A server tool's settings (`parameters`); `nil` for a function or a server tool with
  /// its defaults.
  public var parameters: JSONValue?

  public struct Function: Sendable, Hashable, Codable {
    public var name: String
    public var description: String?
    /// A JSON Schema object.
    public var parameters: JSONValue?

    public init(name: String, description: String? = nil, parameters: JSONValue? = nil) {
      self.name = name
      self.description = description
      self.parameters = parameters
    }
  }

  public init(function: Function) {
    self.type = "function"
    self.function = function
  }

  /// A server tool: `{"type": type, "parameters": parameters}`.
  public init(serverTool type: String, parameters: JSONValue? = nil) {
    self.type = type
    self.function = nil
    self.parameters = parameters
  }

  /// OpenRouter's web search server tool, which lets the model search 0 to N times.
  /// - Parameters:
  ///   - engine: `auto` (OpenRouter's default), `native`, `exa`, `parallel`, `firecrawl`, …
  ///   - maxResults: Results per search; OpenRouter's default is 5.
  public static func webSearch(engine: String? = nil, maxResults: Int? = nil) -> ToolDefinition {
    var settings: [String: JSONValue] = [:]
    if let engine { settings["engine"] = .string(engine) }
    if let maxResults { settings["max_results"] = .number(Double(maxResults)) }
    return ToolDefinition(
      serverTool: webSearchType, parameters: settings.isEmpty ? nil : .object(settings))
  }

  /// The type of OpenRouter's web search server tool.
  public static let webSearchType = "openrouter:web_search"
}
