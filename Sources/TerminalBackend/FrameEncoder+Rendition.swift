import ChatDomain

extension FrameEncoder {
  /// A rendition as the terminal holds it: attributes and two colour numbers (-1 is the
  /// terminal's default).
  struct Pen: Sendable, Hashable {
    var attributes: TextAttributes = []
    var foreground: Int16 = -1
    var background: Int16 = -1

    static let plain = Pen()
    /// What a cell of unknown look (or the second half of a wide glyph) is recorded in:
    /// no pen looks like it, so the cell is always written.
    static let unknown = Pen(foreground: .min, background: .min)

    /// Whether a space in this pen looks the same as a space in `other` (only the
    /// background, underline and reverse show on a blank).
    func drawsBlanksLike(_ other: Pen) -> Bool {
      let visible: TextAttributes = [.underline, .reverse]
      return background == other.background
        && attributes.intersection(visible) == other.attributes.intersection(visible)
    }
  }

  /// The pen of each style role in the current theme, at what the terminal can show;
  /// computed on first use and kept until the theme changes.
  struct Pens: Sendable {
    let capabilities: Capabilities
    private(set) var theme: Theme?
    private var cache: [StyleRole: Pen] = [:]

    init(capabilities: Capabilities, theme: Theme?) {
      self.capabilities = capabilities
      self.theme = theme
    }

    mutating func setTheme(_ theme: Theme?) {
      self.theme = theme
      cache.removeAll(keepingCapacity: true)
    }

    /// The pen of `role` (the default before a theme is set).
    mutating func pen(for role: StyleRole) -> Pen {
      if let cached = cache[role] { return cached }
      guard let theme else { return .plain }
      let style = theme[role]
      var result = Pen(attributes: style.attributes.intersection(capabilities.attributes))
      if capabilities.depth != .monochrome {
        var foreground = ColorMapping.colorNumber(for: style.foreground, depth: capabilities.depth)
        var background = ColorMapping.colorNumber(for: style.background, depth: capabilities.depth)
        if !capabilities.hasDefaultColors {
          if foreground < 0 { foreground = 7 }
          if background < 0 { background = 0 }
        }
        result.foreground = Int16(foreground)
        result.background = Int16(background)
      }
      cache[role] = result
      return result
    }
  }

  static let reset = Array("\u{1B}[m".utf8)

  /// The shortest SGR from `current` (`nil`: unknown) to `target`: only the changes (when
  /// nothing has to be turned off), or a reset followed by everything `target` has.
  static func rendition(from current: Pen?, to target: Pen) -> [UInt8] {
    if target == .plain { return reset }
    var best = Array("\u{1B}[0;\(parameters(from: .plain, to: target))m".utf8)
    if let current, current.attributes.isSubset(of: target.attributes) {
      let changes = Array("\u{1B}[\(parameters(from: current, to: target))m".utf8)
      if changes.count < best.count { best = changes }
    }
    return best
  }

  /// The SGR parameters that add to `base` what `target` has and change its colours.
  private static func parameters(from base: Pen, to target: Pen) -> String {
    var parameters: [String] = []
    let codes: [(TextAttributes, String)] = [
      (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7"),
    ]
    for (attribute, code) in codes
    where target.attributes.contains(attribute) && !base.attributes.contains(attribute) {
      parameters.append(code)
    }
    if target.foreground != base.foreground {
      parameters.append(colorParameter(target.foreground, isForeground: true))
    }
    if target.background != base.background {
      parameters.append(colorParameter(target.background, isForeground: false))
    }
    return parameters.joined(separator: ";")
  }

  private static func colorParameter(_ number: Int16, isForeground: Bool) -> String {
    switch number {
    case ..<0: isForeground ? "39" : "49"
    case 0..<8: String((isForeground ? 30 : 40) + Int(number))
    case 8..<16: String((isForeground ? 90 : 100) + Int(number) - 8)
    default: (isForeground ? "38;5;" : "48;5;") + String(number)
    }
  }
}
