/// Character attributes a style may switch on; every terminal backend maps them to its own.
public struct TextAttributes: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  public static let bold = TextAttributes(rawValue: 1 << 0)
  public static let italic = TextAttributes(rawValue: 1 << 1)
  public static let underline = TextAttributes(rawValue: 1 << 2)
  public static let reverse = TextAttributes(rawValue: 1 << 3)
  public static let dim = TextAttributes(rawValue: 1 << 4)

  /// The theme-file field for each attribute, in a fixed order.
  public static let fieldNames: [(name: String, attribute: TextAttributes)] = [
    ("bold", .bold), ("italic", .italic), ("underline", .underline), ("reverse", .reverse),
    ("dim", .dim),
  ]
}
