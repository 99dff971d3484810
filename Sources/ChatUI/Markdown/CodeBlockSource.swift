/// The raw source of one fenced code block.
public struct CodeBlockSource: Sendable, Hashable {
  public var number: Int
  /// The first word of the fence's info string; empty when there is none.
  public var language: String
  public var lines: [String]

  public init(number: Int, language: String, lines: [String] = []) {
    self.number = number
    self.language = language
    self.lines = lines
  }

  /// The code as one string, lines joined with newlines and no trailing newline.
  public var text: String { lines.joined(separator: "\n") }
}
