import ChatDomain

/// Themes compiled into the binary, so it works from any directory: the default theme and
/// the monochrome one used for `NO_COLOR`. Their text is the shipped files verbatim
/// (`Scripts/embed-themes.sh`; a test keeps the two identical).
enum BuiltInThemes {
  static let names = [ThemeCatalog.defaultThemeName, ThemeCatalog.monochromeThemeName]

  /// The compiled-in theme of that name, or `nil`.
  static func theme(named name: String) -> Theme? {
    switch name {
    case ThemeCatalog.defaultThemeName: return defaultTheme
    case ThemeCatalog.monochromeThemeName: return monochromeTheme
    default: return nil
    }
  }

  /// The default theme. Parsing text that ships with the binary and is tested cannot fail;
  /// should it ever, the neutral all-default theme keeps the program usable.
  static let defaultTheme: Theme = parse(darkText, name: ThemeCatalog.defaultThemeName)

  static let monochromeTheme: Theme = parse(monoText, name: ThemeCatalog.monochromeThemeName)

  private static func parse(_ text: String, name: String) -> Theme {
    (try? ThemeLoader.theme(fromTOML: text))
      ?? Theme(name: name, isDark: true, palette: [:], styles: [:])
  }

  /// The compiled-in text of a theme, for tests comparing it with the shipped file.
  static func text(named name: String) -> String? {
    switch name {
    case ThemeCatalog.defaultThemeName: return darkText
    case ThemeCatalog.monochromeThemeName: return monoText
    default: return nil
    }
  }
}
