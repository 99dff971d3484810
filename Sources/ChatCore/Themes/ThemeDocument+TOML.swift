import ChatDomain
import TOMLKit

extension ThemeDocument {
  /// Parses a theme file's text.
  ///
  /// - Throws: `ThemeError` (`.syntax` with the parser's line, or `.invalidValue` naming the
  ///   key and its line) for the first problem found. The error has no file; the caller
  ///   adds it.
  init(toml text: String) throws(ThemeError) {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ThemeError(
        .syntax, line: error.source.begin.line, reason: error.description,
        detail: error.debugDescription)
    } catch {
      throw ThemeError(.syntax, reason: "not valid TOML", detail: String(describing: error))
    }
    var reader = ThemeTOMLReader(lines: TOMLLineIndex(text))
    self = try reader.document(from: table)
  }
}

/// Walks a parsed TOML table into a `ThemeDocument`, naming the key and line of the first
/// value that does not fit the format.
private struct ThemeTOMLReader {
  let lines: TOMLLineIndex
  var document = ThemeDocument()

  private static let styleFields: Set<String> = Set(
    ["fg", "bg"] + TextAttributes.fieldNames.map(\.name))

  init(lines: TOMLLineIndex) {
    self.lines = lines
  }

  mutating func document(from table: TOMLTable) throws(ThemeError) -> ThemeDocument {
    for key in table.keys.sorted() {
      guard let value = table[key] else { continue }
      switch key {
      case "name":
        guard let name = value.string else { throw invalid([key], "expected a string") }
        document.name = name
      case "dark":
        guard let isDark = value.bool else { throw invalid([key], "expected true or false") }
        document.isDark = isDark
      case "palette":
        guard let palette = value.table else { throw invalid([key], "expected a table") }
        try readPalette(palette)
      case "roles":
        guard let roles = value.table else { throw invalid([key], "expected a table") }
        try readRoles(roles, prefix: [])
      default:
        throw invalid([key], "unknown key (expected name, dark, palette or roles)")
      }
    }
    return document
  }

  private mutating func readPalette(_ table: TOMLTable) throws(ThemeError) {
    for slot in table.keys.sorted() {
      guard let text = table[slot]?.string else {
        throw invalid(["palette", slot], "expected a colour string")
      }
      guard let color = ThemeColor(literal: text) else {
        throw invalid(
          ["palette", slot], "'\(text)' is not a colour (use #rrggbb, an ANSI name or \"default\")")
      }
      document.palette[slot] = color
    }
  }

  /// Reads role entries. A table holding style fields is an entry; a table without them
  /// is a namespace (`[roles.code]` or unquoted dotted keys), and its keys extend `prefix`.
  private mutating func readRoles(_ table: TOMLTable, prefix: [String]) throws(ThemeError) {
    let hasFields = table.keys.contains(where: Self.styleFields.contains)
    if hasFields { try readEntry(table, role: prefix) }
    for key in table.keys.sorted() where !(hasFields && Self.styleFields.contains(key)) {
      guard let value = table[key] else { continue }
      let path = prefix + [key]
      if let nested = value.table {
        try readRoles(nested, prefix: path)
      } else if let color = value.string, !hasFields {
        try store(ThemeDocument.RoleEntry(foreground: color), role: path)
      } else if hasFields {
        throw invalid(
          ["roles"] + path,
          "unknown field (expected fg, bg, bold, italic, underline, reverse or dim)")
      } else {
        throw invalid(
          ["roles"] + path, "expected a colour or a table such as { fg = \"primary\", bold = true }"
        )
      }
    }
  }

  private mutating func readEntry(_ table: TOMLTable, role: [String]) throws(ThemeError) {
    var entry = ThemeDocument.RoleEntry()
    for (field, side) in [("fg", true), ("bg", false)] {
      guard let value = table[field] else { continue }
      guard let text = value.string else {
        throw invalid(["roles"] + role + [field], "expected a colour string")
      }
      if side { entry.foreground = text } else { entry.background = text }
    }
    for (field, attribute) in TextAttributes.fieldNames {
      guard let value = table[field] else { continue }
      guard let flag = value.bool else {
        throw invalid(["roles"] + role + [field], "expected true or false")
      }
      if flag { entry.enabled.insert(attribute) } else { entry.disabled.insert(attribute) }
    }
    try store(entry, role: role)
  }

  private mutating func store(_ entry: ThemeDocument.RoleEntry, role path: [String])
    throws(ThemeError)
  {
    let name = path.joined(separator: ".")
    guard StyleRole(rawValue: name) != nil else {
      throw invalid(["roles"] + path, "unknown role '\(name)'")
    }
    document.roles[name] = entry
  }

  private func invalid(_ path: [String], _ reason: String) -> ThemeError {
    ThemeError(
      .invalidValue, key: ThemeKeyPath.display(path), line: lines.line(of: path), reason: reason)
  }
}

/// How key paths are shown in errors: components joined by ".", with a component that
/// itself contains a dot quoted, as TOML needs it (`roles."code.keyword".fg`).
enum ThemeKeyPath {
  static func display(_ path: [String]) -> String {
    path.map { $0.contains(".") ? "\"\($0)\"" : $0 }.joined(separator: ".")
  }
}
