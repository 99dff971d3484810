import ChatDomain
import Foundation
import TOMLKit

/// A value of a TOML file as a plain Swift value.
enum TOMLNode: Sendable, Hashable {
  case string(String)
  case integer(Int)
  case float(Double)
  case boolean(Bool)
  case array([TOMLNode])
  case table([String: TOMLNode])
  /// A date, time or date-time, kept as written; orchat has no keys of these types.
  case dateTime(String)

  /// The type's name as a TOML user would say it (`a string`, `a table`).
  var typeName: String {
    switch self {
    case .string: return "a string"
    case .integer: return "an integer"
    case .float: return "a number"
    case .boolean: return "true or false"
    case .array: return "an array"
    case .table: return "a table"
    case .dateTime: return "a date"
    }
  }
}

/// A parsed TOML file: its values as `TOMLNode`s, and its lines, to name the line of a key
/// in error messages (TOMLKit keeps no source positions for values).
struct TOMLDocument: Sendable {
  /// The file's name as shown in messages (`agents/coder.toml`).
  let file: String
  let root: [String: TOMLNode]
  private let lines: [Substring]

  /// Parses `text`.
  /// - Throws: `ChatError` of `kind`, naming `file` and the line of the syntax error.
  init(text: String, file: String, kind: ChatError.Kind) throws {
    self.file = file
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    do {
      // TOMLKit never frees a parsed table; config and agent files are small and read once.
      root = Self.convert(try TOMLTable(string: text))
    } catch let error as TOMLParseError {
      throw ChatError(
        kind, "not valid TOML: \(error.description)", file: file, line: error.source.begin.line)
    }
  }

  private static func convert(_ table: TOMLTable) -> [String: TOMLNode] {
    var result: [String: TOMLNode] = [:]
    for key in table.keys {
      guard let value = table[key] else { continue }
      result[key] = convert(value)
    }
    return result
  }

  private static func convert(_ value: any TOMLValueConvertible) -> TOMLNode {
    switch value.type {
    case .string: return .string(value.string ?? "")
    case .int: return .integer(value.int ?? 0)
    case .double: return .float(value.double ?? 0)
    case .bool: return .boolean(value.bool ?? false)
    case .array: return .array(value.array.map { $0.map(convert) } ?? [])
    case .table: return .table(value.table.map(convert) ?? [:])
    case .date, .time, .dateTime: return .dateTime(value.debugDescription)
    }
  }

  // MARK: - Locating keys

  /// The 1-based line where `path` (tables then key, e.g. `["provider", "sort"]`) is set,
  /// or where its nearest enclosing key or table is, or `nil`.
  ///
  /// Understands `[table]` headers, `key = …` lines, quoted keys, and dotted keys
  /// (`provider.sort = …`); a key inside an inline table is reported at its table's line.
  func line(of path: [String]) -> Int? {
    var prefix = path
    while !prefix.isEmpty {
      if let line = exactLine(of: prefix) { return line }
      prefix.removeLast()
    }
    return nil
  }

  private func exactLine(of path: [String]) -> Int? {
    var header: [String] = []
    for (index, raw) in lines.enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("[") {
        let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
        header = Self.keyPath(String(inner))
        if header == path { return index + 1 }
        continue
      }
      guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
      let key = Self.keyPath(String(line[..<equals]))
      if header + key == path { return index + 1 }
    }
    return nil
  }

  /// `a."b.c" . d` → `["a", "b.c", "d"]`.
  private static func keyPath(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var quote: Character?
    for character in text {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "." {
        parts.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(character)
      }
    }
    parts.append(current.trimmingCharacters(in: .whitespaces))
    return parts
  }
}
