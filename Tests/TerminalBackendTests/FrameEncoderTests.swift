import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TestSupport
import Testing

@testable import TerminalBackend

/// The encoder is checked by replaying its bytes into `TerminalScreen` and reading back
/// every cell, and by the exact bytes of the cases whose cost matters while text streams.
@Suite struct FrameEncoderTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  private static let theme = ThemeCatalog(searchPath: ThemeSearchPath(directories: []))
    .load(named: nil).theme
  private let size = TerminalSize(columns: 24, rows: 6)

  /// Encodes `frames` in turn (the first one full) and returns the bytes of each.
  private func encode(
    _ grids: [CellGrid], cursors: [Position?]? = nil,
    capabilities: FrameEncoder.Capabilities = .init(), bounds: TerminalSize? = nil
  ) -> [[UInt8]] {
    var encoder = FrameEncoder(capabilities: capabilities, theme: Self.theme)
    var previous: CellGrid?
    var result: [[UInt8]] = []
    for (index, grid) in grids.enumerated() {
      var bytes: [UInt8] = []
      let diff = GridDiff(from: previous, to: grid)
      encoder.encode(
        diff, grid: grid, cursor: cursors?[index] ?? nil, bounds: bounds ?? size, into: &bytes)
      result.append(bytes)
      previous = grid
    }
    return result
  }

  /// What `role` looks like at `depth`, computed from the theme here rather than by the
  /// encoder.
  private static func rendition(
    _ role: StyleRole, depth: ColorDepth = .xterm256, attributes: TextAttributes? = nil
  ) -> TerminalScreen.Rendition {
    let style = theme[role]
    return TerminalScreen.Rendition(
      attributes: style.attributes.intersection(
        attributes ?? [.bold, .dim, .italic, .underline, .reverse]),
      foreground: Int(ColorMapping.colorNumber(for: style.foreground, depth: depth)),
      background: Int(ColorMapping.colorNumber(for: style.background, depth: depth)))
  }

  /// Every cell of `screen` shows `grid`: the same glyph, and the same rendition (on a
  /// blank, only what shows on one: the background, underline and reverse).
  private static func expect(
    _ screen: TerminalScreen, shows grid: CellGrid, depth: ColorDepth = .xterm256,
    attributes: TextAttributes? = nil, context: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for y in 0..<grid.height {
      for x in 0..<grid.width {
        let cell = grid[x, y]
        let shown = screen[x, y]
        let expected = rendition(cell.role, depth: depth, attributes: attributes)
        let glyph = cell.isContinuation ? "" : cell.text
        var actual = shown.rendition
        var wanted = expected
        if glyph == " " {
          let visible: TextAttributes = [.underline, .reverse]
          actual = .init(
            attributes: actual.attributes.intersection(visible), background: actual.background)
          wanted = .init(
            attributes: wanted.attributes.intersection(visible), background: wanted.background)
        }
        guard shown.text == glyph, actual == wanted else {
          Issue.record(
            "\(context): cell \(x),\(y) shows \(shown.text.debugDescription) \(actual), want \(glyph.debugDescription) \(wanted)",
            sourceLocation: sourceLocation)
          return
        }
      }
    }
  }

  // MARK: - Replayed on a model terminal

  /// Random frames with wide glyphs, marks, emoji, blanks and many roles, each diffed from
  /// the one before, on terminals with and without the shorter sequences.
  @Test(arguments: [
    FrameEncoder.Capabilities(),
    FrameEncoder.Capabilities(
      hasColumnMove: false, hasRowMove: false, hasErase: false, hasBareLineFeed: false),
    FrameEncoder.Capabilities(depth: .ansi16),
    FrameEncoder.Capabilities(depth: .ansi8, attributes: [.bold, .reverse]),
  ])
  func randomFramesReachTheScreenExactly(capabilities: FrameEncoder.Capabilities) {
    let glyphs = ["a", "b", "z", " ", " ", " ", " ", "世", "界", "😀", "e\u{301}", "─", "│", "•", "✅"]
    let roles: [StyleRole] = [
      .base, .transcriptBody, .markdownBold, .markdownInlineCode, .codeKeyword, .selection,
      .muted, .transcriptUser, .status,
    ]
    for seed in 0..<120 {
      var random = SeededGenerator(seed: UInt64(seed))
      var grids: [CellGrid] = []
      var grid = CellGrid(width: size.columns, height: size.rows)
      for _ in 0..<8 {
        for _ in 0..<Int.random(in: 1...12, using: &random) {
          let y = Int.random(in: 0..<size.rows, using: &random)
          var x = Int.random(in: 0..<size.columns, using: &random)
          let role = roles.randomElement(using: &random)!
          for _ in 0..<Int.random(in: 1...10, using: &random) where x < size.columns {
            let glyph = glyphs.randomElement(using: &random)!
            grid.put(glyph, x: x, y: y, role: role)
            x += DisplayWidth.width(of: glyph)
          }
        }
        grids.append(grid)
      }
      var screen = TerminalScreen(columns: size.columns, rows: size.rows)
      let cursors: [Position?] = grids.indices.map { $0 % 3 == 0 ? nil : Position(x: $0, y: 1) }
      for (index, bytes) in encode(grids, cursors: cursors, capabilities: capabilities).enumerated()
      {
        screen.feed(bytes)
        Self.expect(
          screen, shows: grids[index], depth: capabilities.depth,
          attributes: capabilities.attributes, context: "seed \(seed) frame \(index)")
        #expect(screen.isCursorVisible == (cursors[index] != nil))
        if let cursor = cursors[index] { #expect(screen.cursor == cursor) }
      }
      #expect(screen.skipped.isEmpty)
    }
  }

  /// A terminal that draws an emoji one column wide (older ones do): the glyphs after it
  /// still land in their own columns, because the encoder moves explicitly after a glyph
  /// whose width terminals disagree on.
  @Test func aGlyphOfDisputedWidthCannotShiftTheRestOfTheRow() {
    var grid = CellGrid(width: size.columns, height: size.rows)
    grid.put("ok 😀 fine", x: 0, y: 2, role: .transcriptBody)
    var screen = TerminalScreen(columns: size.columns, rows: size.rows) { scalar in
      scalar.value == 0x1F600 ? 1 : DisplayWidth.width(of: String(scalar))
    }
    screen.feed(encode([grid])[0])
    #expect(screen[6, 2].text == "f")
    #expect(screen.line(2).hasSuffix("fine"))
  }

  // MARK: - Bytes that matter while text streams

  /// The common streamed frame: a token continues the line the cursor was left on, and
  /// costs exactly its own bytes.
  @Test func aTokenThatContinuesTheLineCostsOnlyItsBytes() {
    var first = CellGrid(width: size.columns, height: size.rows)
    first.put("The answer", x: 2, y: 3, role: .transcriptBody)
    var second = first
    second.put(" is", x: 12, y: 3, role: .transcriptBody)
    let bytes = encode([first, second])
    #expect(bytes[1] == Array(" is".utf8))
  }

  /// The next line starts with a line feed and a column move (6 bytes) instead of an
  /// absolute move (8 or more), where the tty passes line feeds through.
  @Test func theNextLineIsReachedWithALineFeed() {
    var first = CellGrid(width: size.columns, height: size.rows)
    first.put("first line", x: 2, y: 3, role: .transcriptBody)
    var second = first
    second.put("next", x: 2, y: 4, role: .transcriptBody)
    #expect(encode([first, second])[1] == Array("\n\u{1B}[3Gnext".utf8))
    let without = FrameEncoder.Capabilities(hasBareLineFeed: false)
    #expect(encode([first, second], capabilities: without)[1] == Array("\u{1B}[5;3Hnext".utf8))
  }

  /// Colours change with the shortest SGR: adding bold to a colour sends only the bold; a
  /// run back to plain text is one reset.
  @Test func renditionsChangeByTheShortestSequence() throws {
    var grid = CellGrid(width: size.columns, height: size.rows)
    grid.put("if", x: 0, y: 0, role: .codeKeyword)
    grid.put(" x", x: 2, y: 0, role: .transcriptBody)
    let bytes = String(decoding: encode([grid])[0], as: UTF8.self)
    let keyword = Self.rendition(.codeKeyword)
    // The space after the keyword already shows (a cleared screen); it is written again
    // after the reset rather than moved over, which would cost more.
    let expected = "\u{1B}[1;38;5;\(keyword.foreground)mif\u{1B}[m x"
    #expect(bytes.contains(expected))
    #expect(
      FrameEncoder.rendition(
        from: .init(foreground: 75), to: .init(attributes: .bold, foreground: 75))
        == Array("\u{1B}[1m".utf8))
    #expect(
      FrameEncoder.rendition(
        from: .init(attributes: .bold, foreground: 75), to: .init(foreground: 75))
        == Array("\u{1B}[0;38;5;75m".utf8))
  }

  /// A frame leaves its last rendition set, so the next token in the same colours (here
  /// on a theme's background) costs only its text; `resetRendition()` returns to the
  /// default for whatever writes next, once.
  @Test func theRenditionCarriesOverToTheNextFrame() {
    var encoder = FrameEncoder(theme: Self.theme)
    var first = CellGrid(width: size.columns, height: size.rows)
    first.put("code", x: 0, y: 0, role: .markdownInlineCode)
    var second = first
    second.put(" more", x: 4, y: 0, role: .markdownInlineCode)
    var bytes: [UInt8] = []
    encoder.encode(
      GridDiff(from: nil, to: first), grid: first, cursor: nil, bounds: size, into: &bytes)
    #expect(Self.rendition(.markdownInlineCode).background != -1)
    bytes = []
    encoder.encode(
      GridDiff(from: first, to: second), grid: second, cursor: nil, bounds: size, into: &bytes)
    #expect(bytes == Array(" more".utf8))
    #expect(encoder.resetRendition() == Array("\u{1B}[m".utf8))
    #expect(encoder.resetRendition().isEmpty)
  }

  /// A full repaint clears the screen and writes only what is not blank.
  @Test func aFullRepaintClearsAndSkipsBlanks() {
    var grid = CellGrid(width: size.columns, height: size.rows)
    grid.put("x", x: 20, y: 5, role: .transcriptBody)
    let bytes = encode([grid])[0]
    #expect(bytes == Array("\u{1B}[m\u{1B}[H\u{1B}[2J\u{1B}[6;21Hx\u{1B}[?25l".utf8))
  }

  /// A row emptied of a long text is erased with ECH, not written over with spaces (the
  /// cursor, left at the end of that text, returns with a carriage return).
  @Test func aLongBlankRunIsErased() {
    var first = CellGrid(width: size.columns, height: size.rows)
    first.put("a line of some length", x: 0, y: 1, role: .transcriptBody)
    let second = CellGrid(width: size.columns, height: size.rows)
    let bytes = encode([first, second])[1]
    #expect(bytes == Array("\r\u{1B}[21X".utf8))
  }

  /// Cells that look the same as what the terminal shows are not written again, even when
  /// their role changed (a blank in a code block's role over a blank).
  @Test func cellsThatLookTheSameAreNotWrittenAgain() {
    let first = CellGrid(width: size.columns, height: size.rows)
    var second = first
    second.fill(Rect(x: 0, y: 2, width: size.columns, height: 1), with: .blank(.code))
    #expect(Self.rendition(.code).background == -1)
    #expect(encode([first, second])[1].isEmpty)
  }

  /// A cursor is shown once and moved only when it moves; hidden, it stays where the text
  /// left it.
  @Test func theCursorIsShownOnceAndMovedOnlyWhenItMoves() {
    var first = CellGrid(width: size.columns, height: size.rows)
    first.put("a", x: 0, y: 0, role: .transcriptBody)
    let bytes = encode([first, first], cursors: [Position(x: 3, y: 4), Position(x: 3, y: 4)])
    #expect(String(decoding: bytes[0], as: UTF8.self).hasSuffix("\u{1B}[5;4H\u{1B}[?25h"))
    #expect(bytes[1].isEmpty)
  }

  /// Cells beyond the terminal's size (a frame drawn for a size that just changed) are not
  /// written, and nothing wraps onto the next row.
  @Test func cellsOutsideTheTerminalAreClipped() {
    var grid = CellGrid(width: size.columns, height: size.rows)
    grid.put("abcdefghij", x: 14, y: 0, role: .transcriptBody)
    grid.put("hidden", x: 0, y: 5, role: .transcriptBody)
    let small = TerminalSize(columns: 20, rows: 5)
    var screen = TerminalScreen(columns: 20, rows: 5)
    screen.feed(encode([grid], bounds: small)[0])
    #expect(screen.line(0) == String(repeating: " ", count: 14) + "abcdef")
    #expect(screen.line(1).isEmpty)
    #expect(!(0..<5).contains { screen.line($0).contains("hidden") })
  }

  /// A control character in a cell (which no view puts there) still cannot reach the
  /// terminal: it is written as U+FFFD, in its own column.
  @Test func controlCharactersNeverReachTheTerminal() {
    var grid = CellGrid(width: size.columns, height: size.rows)
    for (index, text) in ["\u{1B}", "\u{07}", "\u{9B}", "\u{7F}", "a\u{1B}"].enumerated() {
      grid.set(Cell(text, role: .transcriptBody), x: index, y: 0)
    }
    grid.put("ok", x: 5, y: 0, role: .transcriptBody)
    let bytes = encode([grid])[0]
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(!bytes.contains(0x07))
    #expect(!text.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x7F })
    #expect(bytes.filter { $0 == 0x1B }.count == text.components(separatedBy: "\u{1B}[").count - 1)
    var screen = TerminalScreen(columns: size.columns, rows: size.rows)
    screen.feed(bytes)
    #expect(screen.line(0) == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}ok")
  }

  /// Monochrome: attributes only, never a colour.
  @Test func monochromeSendsNoColour() {
    var grid = CellGrid(width: size.columns, height: size.rows)
    grid.put("if", x: 0, y: 0, role: .codeKeyword)
    grid.put("code", x: 4, y: 0, role: .markdownInlineCode)
    let text = String(
      decoding: encode([grid], capabilities: .init(depth: .monochrome))[0], as: UTF8.self)
    #expect(!text.contains("38;"))
    #expect(!text.contains("48;"))
    #expect(text.contains("\u{1B}[1mif"))
  }
}
