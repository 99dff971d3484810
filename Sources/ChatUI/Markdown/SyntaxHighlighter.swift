import ChatDomain

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
    var scanner = HighlightScanner(line)
    while !scanner.isAtEnd {
      switch state {
      case .blockComment:
        if let close = language.blockComment?.close, let end = scanner.end(of: close) {
          scanner.emit(upTo: end, role: .codeComment)
          state = .code
        } else {
          scanner.emit(upTo: scanner.count, role: .codeComment)
        }
      case .string(let delimiter):
        if let end = scanner.endOfString(delimiter.open) {
          scanner.emit(upTo: end, role: .codeString)
          state = .code
        } else {
          scanner.emit(upTo: scanner.count, role: .codeString)
        }
      case .code:
        state = scanCode(&scanner, language: language)
      }
    }
    if case .string(let delimiter) = state, !delimiter.spansLines { state = .code }
    return scanner.spans
  }

  /// Consumes one token of code and returns the state after it.
  private func scanCode(_ scanner: inout HighlightScanner, language: CodeLanguage) -> State {
    let scalar = scanner.current
    for marker in language.lineComments where scanner.matches(marker) {
      if !language.commentsNeedWordStart || scanner.isAtWordStart() {
        scanner.emit(upTo: scanner.count, role: .codeComment)
        return .code
      }
    }
    if let block = language.blockComment, scanner.matches(block.open) {
      scanner.emit(upTo: scanner.position + block.open.unicodeScalars.count, role: .codeComment)
      return .blockComment
    }
    for delimiter in language.strings where scanner.matches(delimiter.open) {
      scanner.emit(
        upTo: scanner.position + delimiter.open.unicodeScalars.count, role: .codeString)
      return .string(delimiter)
    }
    if Self.isDigit(scalar), scanner.isAtWordStart() {
      scanner.emit(upTo: scanner.endOfNumber(), role: .codeNumber)
    } else if Self.isIdentifierStart(scalar)
      || (language.sigilsAreKeywords && (scalar == "@" || scalar == "#")
        && scanner.next.map(Self.isIdentifierStart) == true)
    {
      let end = scanner.endOfIdentifier()
      let isKeyword =
        scalar == "@" || scalar == "#" || language.keywords.contains(scanner.text(upTo: end))
      scanner.emit(upTo: end, role: isKeyword ? .codeKeyword : .code)
    } else {
      scanner.emit(upTo: scanner.position + 1, role: .code)
    }
    return .code
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }

  static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value | 0x20  // folds ASCII letters to lower case
      return scalar == "_" || (value >= 0x61 && value <= 0x7A)
    }
    return scalar.properties.isAlphabetic
  }

  static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
    isIdentifierStart(scalar) || isDigit(scalar)
      || (!scalar.isASCII && scalar.properties.numericType != nil)
  }
}
