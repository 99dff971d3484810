import ChatDomain

/// A cursor over one line's Unicode scalars that collects styled spans as it advances.
///
/// Works on scalars rather than `Character`s: token boundaries in code are ASCII, so
/// comparing integers is enough, and emitted spans still hold the line's exact text.
struct HighlightScanner {
  private let line: String
  private let scalars: [Unicode.Scalar]
  /// `offsets[i]` is where scalar `i` starts in `line`; one more entry marks the end.
  private let offsets: [String.Index]
  private(set) var position = 0
  private(set) var spans: [StyledSpan] = []

  init(_ line: String) {
    self.line = line
    scalars = Array(line.unicodeScalars)
    offsets = Array(line.unicodeScalars.indices) + [line.endIndex]
  }

  var count: Int { scalars.count }
  var isAtEnd: Bool { position >= scalars.count }
  var current: Unicode.Scalar { scalars[position] }
  var next: Unicode.Scalar? { position + 1 < scalars.count ? scalars[position + 1] : nil }

  /// Whether `pattern` starts at the cursor.
  func matches(_ pattern: String) -> Bool {
    matches(pattern, at: position)
  }

  /// Whether the scalar before the cursor cannot continue a word.
  func isAtWordStart() -> Bool {
    guard position > 0 else { return true }
    let before = scalars[position - 1]
    return !SyntaxHighlighter.isIdentifierPart(before) && before != "$"
  }

  /// The index just past the first `pattern` at or after the cursor.
  func end(of pattern: String) -> Int? {
    var index = position
    while index < scalars.count {
      if matches(pattern, at: index) { return index + pattern.unicodeScalars.count }
      index += 1
    }
    return nil
  }

  /// The index just past the closing `delimiter` of a string, skipping backslash escapes.
  func endOfString(_ delimiter: String) -> Int? {
    var index = position
    while index < scalars.count {
      if scalars[index] == "\\" {
        index += 2
        continue
      }
      if matches(delimiter, at: index) { return index + delimiter.unicodeScalars.count }
      index += 1
    }
    return nil
  }

  /// The end of a number literal: digits, hex digits, `_`, radix letters, and a `.`
  /// followed by a digit.
  func endOfNumber() -> Int {
    var index = position
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar.properties.isASCIIHexDigit || "_xXoObB".unicodeScalars.contains(scalar) {
        index += 1
      } else if scalar == ".", index + 1 < scalars.count,
        SyntaxHighlighter.isDigit(scalars[index + 1])
      {
        index += 1
      } else {
        break
      }
    }
    return index
  }

  func endOfIdentifier() -> Int {
    var index = position + 1
    while index < scalars.count, SyntaxHighlighter.isIdentifierPart(scalars[index]) {
      index += 1
    }
    return index
  }

  /// The text from the cursor to `end`.
  func text(upTo end: Int) -> String {
    let range = offsets[position]..<offsets[min(end, scalars.count)]
    return String(Substring(line.unicodeScalars[range]))
  }

  /// Emits the text from the cursor to `end` in `role` and moves the cursor there.
  mutating func emit(upTo end: Int, role: StyleRole) {
    let end = min(end, scalars.count)
    guard end > position else { return }
    spans.append(text(upTo: end), role: role)
    position = end
  }

  private func matches(_ pattern: String, at index: Int) -> Bool {
    var offset = index
    for scalar in pattern.unicodeScalars {
      guard offset < scalars.count, scalars[offset] == scalar else { return false }
      offset += 1
    }
    return true
  }
}
