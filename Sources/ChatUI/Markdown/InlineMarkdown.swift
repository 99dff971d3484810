import ChatDomain

/// Inline markdown to styled spans: `*emphasis*`, `**strong**`, `***both***` (and the `_`
/// forms), `` `code` ``, `[links](url)`, `![images](url)`, `<autolinks>`, bare
/// `https://` URLs and backslash escapes.
///
/// Follows CommonMark where it matters for chat text (delimiter flanking, code spans of
/// equal backtick runs, link destinations with balanced parentheses) and renders anything
/// unmatched literally, so a half-streamed `**bold` shows its asterisks until it closes.
/// Newlines are kept: the wrapper turns them into line breaks.
public enum InlineMarkdown {
  /// The styled spans of `text`.
  public static func spans(_ text: String, style: InlineStyle) -> [StyledSpan] {
    guard needsParsing(text) else {
      return text.isEmpty ? [] : [StyledSpan(text, role: style.text)]
    }
    var tokens = tokenize(Array(text), style: style)
    resolveEmphasis(&tokens)
    var spans: [StyledSpan] = []
    for token in tokens {
      switch token.kind {
      case .text(let text):
        spans.append(text, role: style.role(strong: token.strong, emphasis: token.emphasis))
      case .styled(let styled):
        for span in styled { spans.append(span.text, role: span.role) }
      case .delimiter(let character):
        guard token.count > 0 else { continue }
        spans.append(
          String(repeating: character, count: token.count),
          role: style.role(strong: token.strong, emphasis: token.emphasis))
      }
    }
    return spans
  }

  /// Whether `text` holds anything that can start inline markup (a fast byte scan): an
  /// emphasis, code, link or escape character, or the `://` of a bare URL.
  private static func needsParsing(_ text: String) -> Bool {
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["),
        UInt8(ascii: "<"), UInt8(ascii: "\\"):
        return true
      case UInt8(ascii: "/")
      where previous == UInt8(ascii: "/")
        && beforePrevious == UInt8(ascii: ":"):
        return true
      default: break
      }
      beforePrevious = previous
      previous = byte
    }
    return false
  }

  /// Splits text into literal runs, settled spans (code, links) and delimiter runs.
  private static func tokenize(_ characters: [Character], style: InlineStyle) -> [InlineToken] {
    var tokens: [InlineToken] = []
    var literal = ""
    func flush() {
      if !literal.isEmpty { tokens.append(.text(literal)) }
      literal = ""
    }
    var index = 0
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "\\":
        if index + 1 < characters.count, isEscapable(characters[index + 1]) {
          literal.append(characters[index + 1])
          index += 2
        } else {
          literal.append(character)
          index += 1
        }
      case "`":
        let run = runLength(of: "`", in: characters, from: index)
        if let (code, end) = codeSpan(in: characters, from: index, run: run) {
          flush()
          tokens.append(.styled(code.isEmpty ? [] : [StyledSpan(code, role: style.code)]))
          index = end
        } else {
          literal += String(repeating: "`", count: run)
          index += run
        }
      case "*", "_":
        flush()
        let run = runLength(of: character, in: characters, from: index)
        tokens.append(delimiter(character, run: run, in: characters, at: index))
        index += run
      case "[", "!", "<", "h", "H":
        if let (spans, end) = link(in: characters, at: index, style: style) {
          flush()
          tokens.append(.styled(spans))
          index = end
        } else {
          literal.append(character)
          index += 1
        }
      default:
        literal.append(character)
        index += 1
      }
    }
    flush()
    return tokens
  }

  /// A code span opened by `run` backticks at `start`: its content and the index after
  /// the closing run, or nil when no run of the same length closes it.
  private static func codeSpan(
    in characters: [Character], from start: Int, run: Int
  ) -> (String, Int)? {
    var index = start + run
    while index < characters.count {
      guard characters[index] == "`" else {
        index += 1
        continue
      }
      let closing = runLength(of: "`", in: characters, from: index)
      if closing == run {
        var content = String(characters[(start + run)..<index]).replacing("\n", with: " ")
        if content.count > 2, content.first == " ", content.last == " ",
          content.contains(where: { $0 != " " })
        {
          content = String(content.dropFirst().dropLast())
        }
        return (content, index + closing)
      }
      index += closing
    }
    return nil
  }

  /// A delimiter run token, with CommonMark's left/right-flanking rules.
  private static func delimiter(
    _ character: Character, run: Int, in characters: [Character], at index: Int
  ) -> InlineToken {
    let before = index > 0 ? characters[index - 1] : nil
    let after = index + run < characters.count ? characters[index + run] : nil
    let beforeIsSpace = before.map(\.isWhitespace) ?? true
    let afterIsSpace = after.map(\.isWhitespace) ?? true
    let beforeIsPunctuation = before.map(isPunctuation) ?? false
    let afterIsPunctuation = after.map(isPunctuation) ?? false
    let leftFlanking =
      !afterIsSpace && (!afterIsPunctuation || beforeIsSpace || beforeIsPunctuation)
    let rightFlanking =
      !beforeIsSpace && (!beforeIsPunctuation || afterIsSpace || afterIsPunctuation)
    var token = InlineToken(kind: .delimiter(character))
    token.count = run
    if character == "*" {
      token.canOpen = leftFlanking
      token.canClose = rightFlanking
    } else {
      // `_` never opens or closes inside a word (snake_case stays literal).
      token.canOpen = leftFlanking && (!rightFlanking || beforeIsPunctuation)
      token.canClose = rightFlanking && (!leftFlanking || afterIsPunctuation)
    }
    return token
  }

  static func runLength(of character: Character, in characters: [Character], from start: Int)
    -> Int
  {
    var end = start
    while end < characters.count, characters[end] == character { end += 1 }
    return end - start
  }

  static func isPunctuation(_ character: Character) -> Bool {
    character.isPunctuation || character.isSymbol
  }

  private static func isEscapable(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue else { return false }
    return (0x21...0x2F).contains(ascii) || (0x3A...0x40).contains(ascii)
      || (0x5B...0x60).contains(ascii) || (0x7B...0x7E).contains(ascii)
  }
}
