/// A resolved theme: a `ThemeStyle` for every `StyleRole`, ready for a terminal backend.
///
/// **Invariants:** `styles` has an entry for every case of `StyleRole`, so the subscript
/// never falls back at draw time.
public struct Theme: Sendable, Hashable {
  /// The theme's `name` (for display and the `/theme` picker).
  public var name: String
  /// Whether the theme is made for a dark terminal background.
  public var isDark: Bool
  /// The resolved palette slots, by name (for previews; views use `styles`).
  public var palette: [String: ThemeColor]
  public private(set) var styles: [StyleRole: ThemeStyle]

  public init(
    name: String, isDark: Bool, palette: [String: ThemeColor], styles: [StyleRole: ThemeStyle]
  ) {
    self.name = name
    self.isDark = isDark
    self.palette = palette
    var complete = styles
    let base = styles[.base] ?? ThemeStyle()
    for role in StyleRole.allCases where complete[role] == nil {
      complete[role] = base
    }
    self.styles = complete
  }

  public subscript(role: StyleRole) -> ThemeStyle {
    styles[role] ?? ThemeStyle()
  }

  /// The theme with every colour removed, attributes kept.
  public var withoutColor: Theme {
    Theme(
      name: name, isDark: isDark, palette: [:],
      styles: styles.mapValues(\.withoutColor))
  }

  // MARK: - Contrast

  /// What the terminal's default foreground is assumed to be when judging contrast: the
  /// real value is the user's, so a light grey for dark themes and near-black for light.
  public var assumedDefaultForeground: RGBColor {
    isDark
      ? RGBColor(red: 0xd0, green: 0xd0, blue: 0xd0) : RGBColor(red: 0x26, green: 0x26, blue: 0x26)
  }

  /// What the terminal's default background is assumed to be when judging contrast.
  public var assumedDefaultBackground: RGBColor {
    isDark
      ? RGBColor(red: 0x26, green: 0x26, blue: 0x26) : RGBColor(red: 0xff, green: 0xff, blue: 0xff)
  }

  /// The RGB a colour is expected to show as; `isForeground` picks the default to assume.
  public func expectedRGB(of color: ThemeColor, isForeground: Bool) -> RGBColor {
    switch color {
    case .terminalDefault: return isForeground ? assumedDefaultForeground : assumedDefaultBackground
    case .ansi(let ansi): return ansi.referenceRGB
    case .rgb(let rgb): return rgb
    }
  }

  /// The WCAG contrast ratio of a role's text against its own background.
  public func contrastRatio(of role: StyleRole) -> Double {
    let style = self[role]
    let foreground = expectedRGB(of: style.foreground, isForeground: true)
    let background = expectedRGB(of: style.background, isForeground: false)
    return foreground.contrastRatio(with: background)
  }
}
