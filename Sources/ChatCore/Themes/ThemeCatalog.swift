import ChatDomain
import Foundation

/// Finds and loads themes by name: the search path first, then the compiled-in themes, so
/// the binary works from anywhere. Never fails: a missing or broken theme is reported in
/// `ThemeSelection.problems` and the default theme is used instead.
public struct ThemeCatalog: Sendable {
  /// The theme used when none is asked for, or when the one asked for cannot be used.
  public static let defaultThemeName = "dark"
  /// The attributes-only theme used when `NO_COLOR` is set.
  public static let monochromeThemeName = "mono"

  public var searchPath: ThemeSearchPath

  public init(searchPath: ThemeSearchPath) {
    self.searchPath = searchPath
  }

  /// Whether the environment asks for no colour (`NO_COLOR` set and not empty; no-color.org).
  public static func isColorDisabled(in environment: [String: String]) -> Bool {
    environment["NO_COLOR"].map { !$0.isEmpty } ?? false
  }

  /// The file for a theme name: `<directory>/<name>.toml` in search order. A name holding
  /// a "/" or ending in ".toml" is taken as a path.
  public func file(forTheme name: String) -> String? {
    if name.contains("/") || name.hasSuffix(".toml") {
      return FileManager.default.fileExists(atPath: name) ? name : nil
    }
    for directory in searchPath.directories {
      let path = directory + "/" + name + ".toml"
      if FileManager.default.fileExists(atPath: path) { return path }
    }
    return nil
  }

  /// Every theme name available, from files and compiled in, sorted.
  public func availableThemeNames() -> [String] {
    var names = Set(BuiltInThemes.names)
    for directory in searchPath.directories {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for file in files where file.hasSuffix(".toml") {
        names.insert(String(file.dropLast(".toml".count)))
      }
    }
    return names.sorted()
  }

  /// Loads the theme to use.
  ///
  /// - Parameters:
  ///   - name: From `--theme` or the config; `nil` for the default.
  ///   - colorDisabled: `NO_COLOR`: the monochrome theme is used whatever `name` says, and
  ///     colours are stripped from it, because a colour theme without colour loses the
  ///     distinctions it draws with colour alone.
  /// - Returns: The theme, where it came from, and any problems met on the way.
  public func load(named name: String?, colorDisabled: Bool = false) -> ThemeSelection {
    let wanted = colorDisabled ? Self.monochromeThemeName : (name ?? Self.defaultThemeName)
    var problems: [ThemeError] = []
    var selection = attempt(wanted, problems: &problems)
    if selection == nil, wanted != Self.defaultThemeName {
      selection = attempt(Self.defaultThemeName, problems: &problems)
    }
    let chosen = selection ?? ThemeSelection(theme: BuiltInThemes.defaultTheme, source: .builtIn)
    var result = chosen
    result.problems = problems
    if colorDisabled { result.theme = result.theme.withoutColor }
    return result
  }

  private func attempt(_ name: String, problems: inout [ThemeError]) -> ThemeSelection? {
    if let path = file(forTheme: name) {
      do {
        return ThemeSelection(theme: try ThemeLoader.theme(contentsOf: path), source: .file(path))
      } catch {
        problems.append(error)
      }
    }
    if let theme = BuiltInThemes.theme(named: name) {
      return ThemeSelection(theme: theme, source: .builtIn)
    }
    if file(forTheme: name) == nil {
      let searched =
        searchPath.directories.isEmpty
        ? "no themes directory found"
        : "looked in " + searchPath.directories.joined(separator: ", ")
      problems.append(
        ThemeError(.notFound, key: nil, reason: "no theme named '\(name)' (\(searched))"))
    }
    return nil
  }
}

/// The outcome of `ThemeCatalog.load`.
public struct ThemeSelection: Sendable, Hashable {
  public enum Source: Sendable, Hashable {
    case file(String)
    case builtIn
  }

  public var theme: Theme
  public var source: Source
  /// Problems met before settling on `theme` (shown to the user as one line each).
  public var problems: [ThemeError] = []

  public init(theme: Theme, source: Source, problems: [ThemeError] = []) {
    self.theme = theme
    self.source = source
    self.problems = problems
  }
}
