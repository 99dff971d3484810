import ChatCore

/// Light, line-at-a-time syntax highlighting: keywords, strings, comments and numbers.
///
/// Feed a block's lines in order; block comments and multi-line strings carry over from one
/// line to the next through the highlighter's state, so a copy of the highlighter made
/// before a line highlights that line exactly as the original would.
/// Never changes the text: the plain text of the spans is always the input line.
public struct SyntaxHighlighter: Sendable, Hashable {
  private enum State: Sendable, Hashable {
    case code
    case blockComment
    case string(CodeLanguage.StringDelimiter)
  }

  public let language: CodeLanguage?
  private var state = State.code

  public init(language: CodeLanguage?) {
    self.language = language
  }

  /// The spans of one line (without its newline).
  public mutating func highlight(_ line: String) -> [StyledSpan] {
    guard let language, !line.isEmpty else {
      return line.isEmpty ? [] : [StyledSpan(line, role: .code)]
    }
    var scanner = LineScanner(characters: Array(line))
    while !scanner.isAtEnd {
      switch state {
      case .blockComment:
        if let close = language.blockComment?.close, let end = scanner.end(of: close) {
          scanner.emit(upTo: end, role: .codeComment)
          state = .code
        } else {
          scanner.emit(upTo: scanner.characters.count, role: .codeComment)
        }
      case .string(let delimiter):
        if let end = scanner.endOfString(delimiter.open) {
          scanner.emit(upTo: end, role: .codeString)
          state = .code
        } else {
          scanner.emit(upTo: scanner.characters.count, role: .codeString)
        }
      case .code:
        state = scanCode(&scanner, language: language)
      }
    }
    if case .string(let delimiter) = state, !delimiter.spansLines { state = .code }
    return scanner.spans
  }

  /// Consumes one token of code and returns the state after it.
  private func scanCode(_ scanner: inout LineScanner, language: CodeLanguage) -> State {
    let character = scanner.current
    for marker in language.lineComments where scanner.matches(marker) {
      if !language.commentsNeedWordStart || scanner.isAtWordStart() {
        scanner.emit(upTo: scanner.characters.count, role: .codeComment)
        return .code
      }
    }
    if let block = language.blockComment, scanner.matches(block.open) {
      scanner.emit(upTo: scanner.position + block.open.count, role: .codeComment)
      return .blockComment
    }
    for delimiter in language.strings where scanner.matches(delimiter.open) {
      scanner.emit(upTo: scanner.position + delimiter.open.count, role: .codeString)
      return .string(delimiter)
    }
    if character.isASCII, character.isNumber, scanner.isAtWordStart() {
      scanner.emit(upTo: scanner.endOfNumber(), role: .codeNumber)
    } else if Self.isIdentifierStart(character)
      || (language.sigilsAreKeywords && (character == "@" || character == "#")
        && scanner.next.map(Self.isIdentifierStart) == true)
    {
      let end = scanner.endOfIdentifier()
      let word = String(scanner.characters[scanner.position..<end])
      let isKeyword = character == "@" || character == "#" || language.keywords.contains(word)
      scanner.emit(upTo: end, role: isKeyword ? .codeKeyword : .code)
    } else {
      scanner.emit(upTo: scanner.position + 1, role: .code)
    }
    return .code
  }

  static func isIdentifierStart(_ character: Character) -> Bool {
    character == "_" || character.isLetter
  }

  static func isIdentifierPart(_ character: Character) -> Bool {
    character == "_" || character.isLetter || character.isNumber
  }
}

/// A cursor over one line's characters that collects styled spans as it advances.
private struct LineScanner {
  let characters: [Character]
  private(set) var position = 0
  private(set) var spans: [StyledSpan] = []

  init(characters: [Character]) {
    self.characters = characters
  }

  var isAtEnd: Bool { position >= characters.count }
  var current: Character { characters[position] }
  var next: Character? { position + 1 < characters.count ? characters[position + 1] : nil }

  func matches(_ pattern: String) -> Bool {
    characters[position...].starts(with: pattern)
  }

  /// Whether the character before the cursor cannot continue a word.
  func isAtWordStart() -> Bool {
    guard position > 0 else { return true }
    let before = characters[position - 1]
    return !SyntaxHighlighter.isIdentifierPart(before) && before != "$"
  }

  /// The index just past the first `pattern` at or after the cursor.
  func end(of pattern: String) -> Int? {
    var index = position
    while index < characters.count {
      if characters[index...].starts(with: pattern) { return index + pattern.count }
      index += 1
    }
    return nil
  }

  /// The index just past the closing `delimiter` of a string, skipping backslash escapes.
  func endOfString(_ delimiter: String) -> Int? {
    var index = position
    while index < characters.count {
      if characters[index] == "\\" {
        index += 2
        continue
      }
      if characters[index...].starts(with: delimiter) { return index + delimiter.count }
      index += 1
    }
    return nil
  }

  func endOfNumber() -> Int {
    var index = position
    while index < characters.count {
      let character = characters[index]
      if character.isHexDigit || character == "_" || "xXoObB".contains(character) {
        index += 1
      } else if character == ".", index + 1 < characters.count,
        characters[index + 1].isASCII, characters[index + 1].isNumber
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
    while index < characters.count, SyntaxHighlighter.isIdentifierPart(characters[index]) {
      index += 1
    }
    return index
  }

  mutating func emit(upTo end: Int, role: StyleRole) {
    let end = min(end, characters.count)
    guard end > position else { return }
    spans.append(String(characters[position..<end]), role: role)
    position = end
  }
}
