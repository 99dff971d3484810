import ChatDomain

extension InlineMarkdown {
  /// A link starting at `start`: `[text](url)`, `![alt](url)`, `<scheme:…>` or a bare
  /// `http(s)://` URL. Returns its spans and the index after it, or nil when there is none.
  ///
  /// Links show their text, then the URL in parentheses unless it only repeats the text or
  /// is a same-page anchor, so the address stays visible and copyable in a terminal.
  static func link(in characters: [Character], at start: Int, style: InlineStyle)
    -> ([StyledSpan], Int)?
  {
    switch characters[start] {
    case "[": return inlineLink(in: characters, labelStart: start + 1, prefix: "", style: style)
    case "!":
      guard start + 1 < characters.count, characters[start + 1] == "[" else { return nil }
      return inlineLink(in: characters, labelStart: start + 2, prefix: "image: ", style: style)
    case "<": return autolink(in: characters, at: start, style: style)
    default: return bareURL(in: characters, at: start, style: style)
    }
  }

  private static func inlineLink(
    in characters: [Character], labelStart: Int, prefix: String, style: InlineStyle
  ) -> ([StyledSpan], Int)? {
    guard let labelEnd = matching("[", "]", in: characters, from: labelStart),
      labelEnd + 1 < characters.count, characters[labelEnd + 1] == "(",
      let destinationEnd = matching("(", ")", in: characters, from: labelEnd + 2)
    else { return nil }
    let label = String(characters[labelStart..<labelEnd])
    var destination = String(characters[(labelEnd + 2)..<destinationEnd])
    destination = String(destination.split(separator: " ", maxSplits: 1).first ?? "")
    if destination.hasPrefix("<"), destination.hasSuffix(">"), destination.count >= 2 {
      destination = String(destination.dropFirst().dropLast())
    }
    let labelSpans = InlineMarkdown.spans(label, style: .uniform(style.link))
    let shown = labelSpans.plainText
    var spans: [StyledSpan] = []
    spans.append(prefix, role: style.link)
    for span in labelSpans { spans.append(span.text, role: span.role) }
    if !destination.isEmpty, !destination.hasPrefix("#"), destination != shown,
      destination != "mailto:" + shown
    {
      spans.append(" (\(destination))", role: style.linkURL)
    }
    return (spans, destinationEnd + 1)
  }

  private static func autolink(in characters: [Character], at start: Int, style: InlineStyle)
    -> ([StyledSpan], Int)?
  {
    var end = start + 1
    while end < characters.count, characters[end] != ">" {
      if characters[end].isWhitespace || characters[end] == "<" { return nil }
      end += 1
    }
    guard end < characters.count else { return nil }
    let address = String(characters[(start + 1)..<end])
    guard hasScheme(address) else { return nil }
    return ([StyledSpan(address, role: style.link)], end + 1)
  }

  private static func bareURL(in characters: [Character], at start: Int, style: InlineStyle)
    -> ([StyledSpan], Int)?
  {
    if start > 0 {
      let before = characters[start - 1]
      guard before.isWhitespace || before == "(" || before == "\"" || before == "'" else {
        return nil
      }
    }
    var end = start
    var openParentheses = 0
    while end < characters.count, !characters[end].isWhitespace, characters[end] != "<" {
      if characters[end] == "(" { openParentheses += 1 }
      if characters[end] == ")" { openParentheses -= 1 }
      end += 1
    }
    // Trailing punctuation belongs to the sentence, as does a `)` that closes nothing.
    while end > start {
      let last = characters[end - 1]
      if last == ")", openParentheses < 0 {
        openParentheses += 1
      } else if !".,:;!?'\"*_".contains(last) {
        break
      }
      end -= 1
    }
    let address = String(characters[start..<end])
    guard hasScheme(address), address.count > "https://".count else { return nil }
    return ([StyledSpan(address, role: style.link)], end)
  }

  private static func hasScheme(_ address: String) -> Bool {
    let lowered = address.lowercased()
    return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
      || lowered.hasPrefix("mailto:")
  }

  /// The index of the `close` that balances an `open` already passed, scanning from
  /// `start`; escaped characters do not count. Nil when it is not closed.
  private static func matching(
    _ open: Character, _ close: Character, in characters: [Character], from start: Int
  ) -> Int? {
    var depth = 0
    var index = start
    while index < characters.count {
      switch characters[index] {
      case "\\": index += 1
      case open: depth += 1
      case close:
        if depth == 0 { return index }
        depth -= 1
      default: break
      }
      index += 1
    }
    return nil
  }
}
