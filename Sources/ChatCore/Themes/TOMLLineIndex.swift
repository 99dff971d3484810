import ChatDomain

/// The line each key of a TOML text is defined on, so that errors found after parsing can
/// name a line (TOMLKit exposes positions only for syntax errors).
///
/// A light scan, not a parser: it understands `[table]` headers and `key = value` lines,
/// with bare, quoted and dotted keys; a key inside an inline table is reported on the line
/// of the table.
struct TOMLLineIndex: Sendable {
  private var lines: [String: Int] = [:]

  init(_ text: String) {
    var section: [String] = []
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.trimmingWhitespace()
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("[[") { continue }
      if line.hasPrefix("["), let close = line.lastIndex(of: "]") {
        section = Self.keyComponents(line[line.index(after: line.startIndex)..<close])
        continue
      }
      guard let equals = Self.assignment(in: line) else { continue }
      let path = (section + Self.keyComponents(line[..<equals])).joined(separator: ".")
      if lines[path] == nil { lines[path] = offset + 1 }
    }
  }

  /// The line of `path` (components joined by "." without quotes), or of its nearest
  /// enclosing key that has one.
  func line(of path: [String]) -> Int? {
    var components = path
    while !components.isEmpty {
      if let line = lines[components.joined(separator: ".")] { return line }
      components.removeLast()
    }
    return nil
  }

  /// The "=" that ends the key, skipping any inside a quoted key.
  private static func assignment(in line: Substring) -> Substring.Index? {
    var quote: Character?
    for index in line.indices {
      let character = line[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "=" {
        return index
      }
    }
    return nil
  }

  /// Splits a key at dots outside quotes and strips the quotes.
  private static func keyComponents(_ key: Substring) -> [String] {
    var components: [String] = []
    var current = ""
    var quote: Character?
    for character in key {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "." {
        components.append(current)
        current = ""
      } else if character != " " && character != "\t" {
        current.append(character)
      }
    }
    components.append(current)
    return components
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return self[endIndex...] }
    return self[first...last]
  }
}
