import ChatDomain

/// Greedy word wrap of styled text by display width.
///
/// - Lines break at spaces and tabs; the spaces at a soft break are dropped, while spaces
///   at the start of a logical line (indentation) are kept.
/// - A wide glyph (CJK, emoji) is a break opportunity on both sides, so CJK text without
///   spaces still wraps.
/// - A word wider than a whole line (a long identifier, a URL) starts on a fresh line and is
///   broken at the glyph that would overflow.
/// - `"\n"` is a hard break; tabs expand to the next multiple of `DisplayWidth.tabStop`
///   counted from the start of the logical line.
/// - The first output line gets `firstPrefix`, every later one `restPrefix` (a hanging
///   indent for list items, quote bars…). The content width is `width` minus the prefix's
///   width, and at least 1.
///
/// Every returned line has `width <= self.width` whenever the prefixes leave room for at
/// least one wide glyph.
public struct LineWrapper: Sendable {
  public var width: Int
  public var firstPrefix: [StyledSpan]
  public var restPrefix: [StyledSpan]

  public init(width: Int, firstPrefix: [StyledSpan] = [], restPrefix: [StyledSpan] = []) {
    self.width = width
    self.firstPrefix = firstPrefix
    self.restPrefix = restPrefix
  }

  /// The wrapped lines of `spans`; always at least one line.
  public func wrap(_ spans: [StyledSpan], kind: StyledLine.Kind = .text) -> [StyledLine] {
    var lines: [StyledLine] = []
    wrap(spans, kind: kind, into: &lines)
    return lines
  }

  /// Appends the wrapped lines of `spans` to `lines`; always at least one line.
  public func wrap(
    _ spans: [StyledSpan], kind: StyledLine.Kind = .text, into lines: inout [StyledLine]
  ) {
    var state = WrapState(wrapper: self, kind: kind)
    for span in spans { state.consume(span) }
    state.finish(into: &lines)
  }

  /// Expands tabs in a line that is not wrapped (code), counting columns from its start.
  public static func expandingTabs(_ spans: [StyledSpan]) -> [StyledSpan] {
    var needsWork = false
    for span in spans where span.text.utf8.contains(0x09) { needsWork = true }
    guard needsWork else { return spans }
    var result: [StyledSpan] = []
    var column = 0
    for span in spans {
      var text = ""
      for character in span.text {
        if character == "\t" {
          let spaces = DisplayWidth.tabStop - column % DisplayWidth.tabStop
          text += String(repeating: " ", count: spaces)
          column += spaces
        } else {
          text.append(character)
          column += DisplayWidth.width(of: character)
        }
      }
      result.append(text, role: span.role)
    }
    return result
  }
}
