import ChatDomain

/// The running state of one `LineWrapper.wrap` call: the line being filled and the word
/// being collected, as pieces of the spans' text rather than single characters.
///
/// Spans of plain ASCII are scanned byte by byte and words are cut from them as
/// substrings; only other text is split into graphemes, which costs several times more.
struct WrapState {
  /// A run of one span's text inside the pending word.
  private struct Piece {
    var text: Substring
    var role: StyleRole
    var width: Int
  }

  private let firstPrefix: [StyledSpan]
  private let restPrefix: [StyledSpan]
  private let firstPrefixWidth: Int
  private let restPrefixWidth: Int
  /// Content columns of the first line and of every later line.
  private let firstWidth: Int
  private let restWidth: Int
  private let kind: StyledLine.Kind

  private var finished: [StyledLine] = []
  private var line: [StyledSpan] = []
  private var lineWidth = 0
  /// Whether the current line continues a logical line after a soft break.
  private var isSoftContinuation = false
  private var word: [Piece] = []
  private var wordWidth = 0
  /// Whether the word's last glyph is wide, or opening punctuation: what decides if the
  /// next glyph may start a new word.
  private var lastIsWide = false
  private var lastIsOpening = false
  private var spaces: [StyleRole] = []
  private var logicalColumn = 0

  init(wrapper: LineWrapper, kind: StyledLine.Kind) {
    firstPrefix = wrapper.firstPrefix
    restPrefix = wrapper.restPrefix
    firstPrefixWidth = firstPrefix.displayWidth
    restPrefixWidth = restPrefix.displayWidth
    firstWidth = max(1, wrapper.width - firstPrefixWidth)
    restWidth = max(1, wrapper.width - restPrefixWidth)
    self.kind = kind
  }

  private var available: Int { finished.isEmpty ? firstWidth : restWidth }

  mutating func consume(_ span: StyledSpan) {
    let text = span.text
    let utf8 = text.utf8
    guard utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }) else {
      var index = text.startIndex
      while index < text.endIndex {
        let next = text.index(after: index)
        consume(text[index..<next], role: span.role)
        index = next
      }
      return
    }
    var wordStart: String.Index?
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A {
        if let start = wordStart {
          addToWord(Piece(text: text[start..<index], role: span.role, width: 0))
          wordStart = nil
        }
        consumeWhitespace(byte, role: span.role)
      } else if wordStart == nil {
        wordStart = index
      }
      index = utf8.index(after: index)
    }
    if let start = wordStart {
      addToWord(Piece(text: text[start...], role: span.role, width: 0))
    }
  }

  mutating func finish(into lines: inout [StyledLine]) {
    flushWord()
    spaces.removeAll()
    endLine(soft: false)
    lines.append(contentsOf: finished)
  }

  /// Adds a run of printable ASCII to the word (its width is its length).
  private mutating func addToWord(_ piece: Piece) {
    var piece = piece
    piece.width = piece.text.utf8.count
    if lastIsWide, !lastIsOpening, let first = piece.text.first, !Self.closesAWord(first) {
      flushWord()
    }
    word.append(piece)
    wordWidth += piece.width
    logicalColumn += piece.width
    lastIsWide = false
    lastIsOpening = piece.text.utf8.last.map(Self.isOpeningASCII) ?? false
  }

  /// One grapheme of text that is not plain ASCII.
  private mutating func consume(_ grapheme: Substring, role: StyleRole) {
    let utf8 = grapheme.utf8
    if utf8.count == 1, let byte = utf8.first, byte == 0x20 || byte == 0x09 || byte == 0x0A {
      consumeWhitespace(byte, role: role)
      return
    }
    let character = grapheme.first ?? " "
    let columns = DisplayWidth.width(of: character)
    // A line may break before and after a wide glyph (CJK has no spaces), but never
    // before closing punctuation (、。」!) nor after opening punctuation (「(“).
    if !word.isEmpty, lastIsWide || columns == 2, !lastIsOpening,
      !Self.closesAWord(character)
    {
      flushWord()
    }
    word.append(Piece(text: grapheme, role: role, width: columns))
    wordWidth += columns
    logicalColumn += columns
    lastIsWide = columns == 2
    lastIsOpening = Self.opensAWord(character)
  }

  private mutating func consumeWhitespace(_ byte: UInt8, role: StyleRole) {
    flushWord()
    switch byte {
    case 0x0A:
      spaces.removeAll(keepingCapacity: true)
      endLine(soft: false)
      logicalColumn = 0
    case 0x09:
      let count = DisplayWidth.tabStop - logicalColumn % DisplayWidth.tabStop
      for _ in 0..<count { spaces.append(role) }
      logicalColumn += count
    default:
      spaces.append(role)
      logicalColumn += 1
    }
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
    for role in spaces { place(" ", role: role, width: 1) }
    spaces.removeAll(keepingCapacity: true)
    if lineWidth + wordWidth <= available {
      for piece in word { place(piece.text, role: piece.role, width: piece.width) }
    } else {
      hardBreakWord()
    }
    word.removeAll(keepingCapacity: true)
    wordWidth = 0
    lastIsWide = false
    lastIsOpening = false
  }

  /// Places a word wider than the line, breaking before each glyph that would overflow.
  private mutating func hardBreakWord() {
    for piece in word {
      if lineWidth + piece.width <= available {
        place(piece.text, role: piece.role, width: piece.width)
        continue
      }
      for character in piece.text {
        let columns = DisplayWidth.width(of: character)
        if lineWidth > 0, lineWidth + columns > available { endLine(soft: true) }
        place(String(character), role: piece.role, width: columns)
      }
    }
  }

  private mutating func place(_ text: some StringProtocol, role: StyleRole, width: Int) {
    line.append(text, role: role)
    lineWidth += width
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

  private static func isOpeningASCII(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
  }

  private static func closesAWord(_ character: Character) -> Bool {
    switch character.unicodeScalars.first?.properties.generalCategory {
    case .closePunctuation, .otherPunctuation, .finalPunctuation: return true
    default: return false
    }
  }

  private static func opensAWord(_ character: Character) -> Bool {
    let utf8 = character.utf8
    if utf8.count == 1, let ascii = utf8.first { return isOpeningASCII(ascii) }
    switch character.unicodeScalars.first?.properties.generalCategory {
    case .openPunctuation, .initialPunctuation: return true
    default: return false
    }
  }
}
