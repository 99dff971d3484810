import ChatCore
import ChatDomain
import Formatting
import Foundation

/// Runs `orchat themes [--json]` and `orchat themes show NAME`.
///
/// Themes are found as the app finds them (`ThemeSearchPath.standard`): your themes
/// directory, the shipped themes, then the compiled-in `dark` and `mono`. A broken theme
/// file gives one `error:` line and exit status 1; the others are still listed.
public struct ThemesCommandRunner: Sendable {
  let context: AppContext

  public init(context: AppContext = AppContext()) {
    self.context = context
  }

  private var catalog: ThemeCatalog {
    ThemeCatalog(searchPath: .standard(environment: context.environment.values))
  }

  /// `themes [--json]`: every theme, `*` marking the configured one.
  public func list(json: Bool) -> Int32 {
    let catalog = catalog
    let configured = (try? context.loadConfig())?.theme ?? ThemeCatalog.defaultThemeName
    var rows: [ThemeJSON] = []
    var problems: [ThemeError] = []
    for name in catalog.availableThemeNames() {
      let selection = catalog.load(named: name)
      if let problem = selection.problems.first {
        problems.append(problem)
        continue
      }
      rows.append(
        ThemeJSON(name: name, dark: selection.theme.isDark, source: Self.source(selection)))
    }
    do {
      if json {
        context.output.write(try JSONText.encode(rows))
      } else {
        var table = TextTable([("NAME", .left), ("BACKGROUND", .left), ("SOURCE", .left)])
        for row in rows {
          table.append([
            Self.safe(row.name) + (row.name == configured ? " *" : ""),
            row.dark ? "dark" : "light", Self.safe(row.source),
          ])
        }
        context.output.write(table.text)
      }
    } catch {
      return context.fail(error)
    }
    for problem in problems { context.fail(problem) }
    return problems.isEmpty ? 0 : 1
  }

  /// `themes show NAME`: sample lines in the theme's colours on a terminal (unless
  /// `NO_COLOR`), else a plain description of its palette and roles.
  public func show(_ name: String) -> Int32 {
    let selection = catalog.load(named: name)
    if let problem = selection.problems.first { return context.fail(problem) }
    let colorDisabled = ThemeCatalog.isColorDisabled(in: context.environment.values)
    if context.output.isTerminal && !colorDisabled {
      let preview = ThemePreview(
        theme: selection.theme, source: Self.source(selection),
        style: ANSIStyle(depth: ANSIStyle.Depth(environment: context.environment.values)))
      context.output.writeComposed(preview.text)
    } else {
      context.output.write(Self.describe(selection))
    }
    return 0
  }

  static func source(_ selection: ThemeSelection) -> String {
    switch selection.source {
    case .builtIn: return "built-in"
    case .file(let path): return path
    }
  }

  /// A theme as plain text: name, background, source, palette and every role's style.
  static func describe(_ selection: ThemeSelection) -> String {
    let theme = selection.theme
    var lines = [
      "name: \(safe(theme.name))",
      "background: \(theme.isDark ? "dark" : "light")",
      "source: \(safe(source(selection)))",
      "palette:",
    ]
    let slotWidth = theme.palette.keys.map(\.count).max() ?? 0
    for (slot, color) in theme.palette.sorted(by: { $0.key < $1.key }) {
      lines.append(
        "  \(safe(slot).padding(toLength: slotWidth, withPad: " ", startingAt: 0))  \(color)")
    }
    lines.append("roles:")
    let roleWidth = StyleRole.allCases.map(\.rawValue.count).max() ?? 0
    for role in StyleRole.allCases {
      lines.append(
        "  \(role.rawValue.padding(toLength: roleWidth, withPad: " ", startingAt: 0))  "
          + describe(theme[role]))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `fg #5fafff, bg default, bold`.
  static func describe(_ style: ThemeStyle) -> String {
    var parts = ["fg \(style.foreground)", "bg \(style.background)"]
    for (name, attribute) in TextAttributes.fieldNames where style.attributes.contains(attribute) {
      parts.append(name)
    }
    return parts.joined(separator: ", ")
  }

  /// Text read from a theme file or a path, safe to print on one line.
  static func safe(_ text: String) -> String {
    TextSanitizer.sanitize(text).replacingOccurrences(of: "\n", with: " ")
      .replacingOccurrences(of: "\t", with: " ")
  }
}

/// One entry of `themes --json`.
struct ThemeJSON: Encodable {
  var name: String
  var dark: Bool
  /// `built-in` or the file's path.
  var source: String
}
