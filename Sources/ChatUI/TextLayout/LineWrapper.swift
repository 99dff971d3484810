import ChatCore

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
    for span in spans {
      for character in span.text {
        state.consume(character, role: span.role)
      }
    }
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

/// The running state of one `LineWrapper.wrap` call.
private struct WrapState {
  let firstPrefix: [StyledSpan]
  let restPrefix: [StyledSpan]
  let firstPrefixWidth: Int
  let restPrefixWidth: Int
  /// Content columns of the first line and of every later line.
  let firstWidth: Int
  let restWidth: Int
  let kind: StyledLine.Kind

  var finished: [StyledLine] = []
  var line: [StyledSpan] = []
  var lineWidth = 0
  /// Whether the current line continues a logical line after a soft break.
  var isSoftContinuation = false
  var word: [(character: Character, role: StyleRole)] = []
  var wordWidth = 0
  /// Whether the word's last glyph is wide, or opening punctuation: what decides if the
  /// next glyph may start a new word.
  var lastIsWide = false
  var lastIsOpening = false
  var spaces: [StyleRole] = []
  var logicalColumn = 0

  init(wrapper: LineWrapper, kind: StyledLine.Kind) {
    firstPrefix = wrapper.firstPrefix
    restPrefix = wrapper.restPrefix
    firstPrefixWidth = firstPrefix.displayWidth
    restPrefixWidth = restPrefix.displayWidth
    firstWidth = max(1, wrapper.width - firstPrefixWidth)
    restWidth = max(1, wrapper.width - restPrefixWidth)
    self.kind = kind
  }

  var available: Int { finished.isEmpty ? firstWidth : restWidth }

  mutating func consume(_ character: Character, role: StyleRole) {
    switch character {
    case "\n":
      flushWord()
      spaces.removeAll(keepingCapacity: true)
      endLine(soft: false)
      logicalColumn = 0
    case " ":
      flushWord()
      spaces.append(role)
      logicalColumn += 1
    case "\t":
      flushWord()
      let count = DisplayWidth.tabStop - logicalColumn % DisplayWidth.tabStop
      for _ in 0..<count { spaces.append(role) }
      logicalColumn += count
    default:
      let columns = DisplayWidth.width(of: character)
      // A line may break before and after a wide glyph (CJK has no spaces), but never
      // before closing punctuation (、。」!) nor after opening punctuation (「(“).
      if !word.isEmpty, lastIsWide || columns == 2, !lastIsOpening,
        !Self.closesAWord(character)
      {
        flushWord()
      }
      word.append((character, role))
      wordWidth += columns
      logicalColumn += columns
      lastIsWide = columns == 2
      lastIsOpening = Self.opensAWord(character)
    }
  }

  private static func closesAWord(_ character: Character) -> Bool {
    switch character.unicodeScalars.first?.properties.generalCategory {
    case .closePunctuation, .otherPunctuation, .finalPunctuation: true
    default: false
    }
  }

  private static func opensAWord(_ character: Character) -> Bool {
    if let ascii = character.asciiValue {
      return ascii == UInt8(ascii: "(") || ascii == UInt8(ascii: "[")
        || ascii == UInt8(ascii: "{")
    }
    switch character.unicodeScalars.first?.properties.generalCategory {
    case .openPunctuation, .initialPunctuation: return true
    default: return false
    }
  }

  mutating func finish(into lines: inout [StyledLine]) {
    flushWord()
    spaces.removeAll()
    endLine(soft: false)
    lines.append(contentsOf: finished)
  }

  /// Places the pending spaces and word, breaking the line first when they do not fit.
  private mutating func flushWord() {
    guard !word.isEmpty else { return }
    if lineWidth == 0 {
      // Nothing on the line yet: spaces here are indentation, unless this line continues
      // a soft-wrapped one. Keep as much indentation as leaves room for the word.
      let room = isSoftContinuation ? 0 : max(0, available - wordWidth)
      if spaces.count > room { spaces.removeLast(spaces.count - room) }
    } else if lineWidth + spaces.count + wordWidth > available {
      spaces.removeAll(keepingCapacity: true)
      endLine(soft: true)
    }
    for role in spaces { place(" ", role: role, columns: 1) }
    spaces.removeAll(keepingCapacity: true)
    if lineWidth + wordWidth <= available {
      for piece in word { place(piece.character, role: piece.role) }
    } else {
      hardBreakWord()
    }
    word.removeAll(keepingCapacity: true)
    wordWidth = 0
  }

  /// Places a word wider than the line, breaking before each glyph that would overflow.
  private mutating func hardBreakWord() {
    for piece in word {
      let columns = DisplayWidth.width(of: piece.character)
      if lineWidth > 0, lineWidth + columns > available { endLine(soft: true) }
      place(piece.character, role: piece.role, columns: columns)
    }
  }

  private mutating func place(_ character: Character, role: StyleRole, columns: Int? = nil) {
    if let last = line.last, last.role == role {
      line[line.count - 1].text.append(character)
    } else {
      line.append(StyledSpan(String(character), role: role))
    }
    lineWidth += columns ?? DisplayWidth.width(of: character)
  }

  private mutating func endLine(soft: Bool) {
    let isFirst = finished.isEmpty
    let prefix = isFirst ? firstPrefix : restPrefix
    let prefixWidth = isFirst ? firstPrefixWidth : restPrefixWidth
    finished.append(
      StyledLine(kind: kind, prefix: prefix, spans: line, width: prefixWidth + lineWidth))
    line = []
    lineWidth = 0
    isSoftContinuation = soft
  }
}
