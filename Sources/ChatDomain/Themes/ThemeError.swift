/// Why a theme could not be used. Loading falls back to the default theme and shows
/// `userMessage` as one line; `debugDescription` adds the underlying parser text.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible,
  CustomDebugStringConvertible
{
  public enum Kind: Sendable, Hashable {
    /// The file could not be read.
    case unreadable
    /// The text is not valid TOML.
    case syntax
    /// A key or value is not part of the theme format.
    case invalidValue
    /// No theme of that name in any themes directory.
    case notFound
  }

  public var kind: Kind
  /// The file, as a path; `nil` for a compiled-in theme or a lookup failure.
  public var file: String?
  /// The key path inside the file, such as `roles."code.keyword".fg`.
  public var key: String?
  /// The 1-based line, when it is known.
  public var line: Int?
  /// What is wrong, without location (the location is added by `userMessage`).
  public var reason: String
  /// Parser or system detail for logs.
  public var detail: String?

  public init(
    _ kind: Kind, file: String? = nil, key: String? = nil, line: Int? = nil, reason: String,
    detail: String? = nil
  ) {
    self.kind = kind
    self.file = file
    self.key = key
    self.line = line
    self.reason = reason
    self.detail = detail
  }

  /// One line: `file:line: key: reason`, leaving out what is unknown.
  public var userMessage: String {
    var location = file ?? ""
    if let line { location += location.isEmpty ? "line \(line)" : ":\(line)" }
    var parts: [String] = []
    if !location.isEmpty { parts.append(location) }
    if let key { parts.append(key) }
    parts.append(reason)
    return "theme: " + parts.joined(separator: ": ")
  }

  public var description: String { userMessage }

  public var debugDescription: String {
    detail.map { "\(userMessage) (\($0))" } ?? userMessage
  }

  /// The same error attributed to `file` (parsing knows the text, the caller the path).
  public func located(in file: String?) -> ThemeError {
    var copy = self
    copy.file = file
    return copy
  }
}
