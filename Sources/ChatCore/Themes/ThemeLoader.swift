import ChatDomain
import Foundation

/// Reads one theme file or text into a resolved `Theme`. For finding a theme by name see
/// `ThemeCatalog`.
public enum ThemeLoader {
  /// Parses and resolves theme text.
  ///
  /// - Parameters:
  ///   - text: The TOML text.
  ///   - file: The path shown in errors; also names the theme when it has no `name`.
  /// - Returns: The theme, with a style for every role.
  /// - Throws: `ThemeError` naming the file, key and line of the first problem.
  public static func theme(fromTOML text: String, file: String? = nil) throws(ThemeError) -> Theme {
    let fallbackName =
      file.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "custom"
    do {
      let document = try ThemeDocument(toml: text)
      return try Theme(resolving: document, fallbackName: fallbackName, lines: TOMLLineIndex(text))
    } catch {
      throw error.located(in: file)
    }
  }

  /// Reads, parses and resolves a theme file.
  ///
  /// - Returns: The theme, with a style for every role.
  /// - Throws: `ThemeError` (`.unreadable` when the file cannot be read as UTF-8).
  public static func theme(contentsOf path: String) throws(ThemeError) -> Theme {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw ThemeError(
        .unreadable, file: path, reason: "cannot read the file", detail: String(describing: error))
    }
    return try theme(fromTOML: text, file: path)
  }
}
