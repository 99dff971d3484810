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

/// A tool the model may call (`tools[]` of a request).
public struct ToolDefinition: Sendable, Hashable, Codable {
  public var type: String
  public var function: Function

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
}
