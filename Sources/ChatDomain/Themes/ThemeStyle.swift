/// How one `StyleRole` looks: colours plus attributes, fully resolved (no palette names).
public struct ThemeStyle: Sendable, Hashable {
  public var foreground: ThemeColor
  public var background: ThemeColor
  public var attributes: TextAttributes

  public init(
    foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
    attributes: TextAttributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// The same style with colours removed (for `NO_COLOR` and colourless terminals).
  public var withoutColor: ThemeStyle {
    ThemeStyle(attributes: attributes)
  }
}
