import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TestSupport
import Testing

@Suite struct CellGridTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  @Test func wideGlyphThatDoesNotFitAtTheRightEdgeBecomesABlank() {
    var grid = CellGrid(width: 4, height: 1)
    #expect(grid.put("abc日", x: 0, y: 0, role: .transcriptBody) == 5)
    #expect(grid.text(ofRow: 0) == "abc ")
    #expect(grid[3, 0] == .blank(.transcriptBody))
    grid.put("ab日", x: 0, y: 0, role: .transcriptBody)
    #expect(grid.text(ofRow: 0) == "ab日")
    #expect(grid[3, 0].isContinuation)
  }

  @Test func wideGlyphCutByAClipRectBecomesABlankInsideIt() {
    var grid = CellGrid(width: 6, height: 1, fill: Cell("x"))
    grid.put("a日", x: 1, y: 0, role: .code, clip: Rect(x: 1, y: 0, width: 2, height: 1))
    #expect(grid.text(ofRow: 0) == "xa xxx")
    #expect(grid.wideGlyphViolation == nil)
  }

  @Test func wideGlyphWhoseLeftHalfIsClippedLeavesABlank() {
    var grid = CellGrid(width: 4, height: 1, fill: Cell("x"))
    grid.put("日b", x: 0, y: 0, role: .code, clip: Rect(x: 1, y: 0, width: 3, height: 1))
    #expect(grid.text(ofRow: 0) == "x bx")
  }

  @Test func overwritingTheLeftHalfOfAWideGlyphBlanksItsRightHalf() {
    var grid = CellGrid(width: 4, height: 1)
    grid.put("日本", x: 0, y: 0, role: .transcriptBody)
    grid.put("a", x: 2, y: 0, role: .code)
    #expect(grid.text(ofRow: 0) == "日a ")
    #expect(!grid[3, 0].isContinuation)
    #expect(grid.wideGlyphViolation == nil)
  }

  @Test func overwritingTheRightHalfOfAWideGlyphBlanksItsLeftHalf() {
    var grid = CellGrid(width: 4, height: 1)
    grid.put("日本", x: 0, y: 0, role: .transcriptBody)
    grid.put("a", x: 1, y: 0, role: .code)
    #expect(grid.text(ofRow: 0) == " a本")
    #expect(grid[0, 0] == .blank(.transcriptBody))
    #expect(grid.wideGlyphViolation == nil)
  }

  @Test func wideGlyphAcrossTwoWideGlyphsRepairsBoth() {
    var grid = CellGrid(width: 4, height: 1)
    grid.put("日本", x: 0, y: 0, role: .transcriptBody)
    grid.put("語", x: 1, y: 0, role: .code)
    #expect(grid.text(ofRow: 0) == " 語 ")
    #expect(grid.wideGlyphViolation == nil)
  }

  @Test func fillRepairsWideGlyphsStraddlingItsEdges() {
    var grid = CellGrid(width: 6, height: 1)
    grid.put("日本語", x: 0, y: 0, role: .transcriptBody)
    grid.fill(Rect(x: 1, y: 0, width: 4, height: 1), with: Cell("-"))
    #expect(grid.text(ofRow: 0) == " ---- ")
    #expect(grid.wideGlyphViolation == nil)
  }

  @Test func writesOutsideTheGridAreIgnored() {
    var grid = CellGrid(width: 2, height: 1)
    grid.put("ab", x: -5, y: 0, role: .code)
    grid.put("ab", x: 0, y: 3, role: .code)
    grid.set(Cell("z"), x: 9, y: 9)
    #expect(grid == CellGrid(width: 2, height: 1))
  }

  /// Each sample is followed by spaces up to its measured 12 columns and a bar: when the
  /// measure agrees with the cells the grid fills, every bar lands in column 12.
  @Test func mixedScriptRowsKeepColumnsAligned() {
    let samples = [
      "plain", "日本語", "e\u{301}te\u{301}", "🇯🇵 flag", "👨‍👩‍👧 zwj", "❤️ vs16", "👍🏽 tone",
      "한국 混在", "🎉🎉🎉",
    ]
    var grid = CellGrid(width: 14, height: samples.count)
    for (row, sample) in samples.enumerated() {
      let padding = String(repeating: " ", count: 12 - DisplayWidth.width(of: sample))
      grid.put(sample + padding + "|", x: 0, y: row, role: .transcriptBody)
    }
    for row in samples.indices {
      #expect(grid[12, row].text == "|", "row \(row): \(grid.text(ofRow: row))")
    }
    #expect(grid.wideGlyphViolation == nil)
  }

  /// `GridDiff` compares rows bytewise, which is only sound while a cell has no padding.
  @Test func cellsAreSixteenBytesWithoutPadding() {
    #expect(MemoryLayout<Cell>.size == 16)
    #expect(MemoryLayout<Cell>.stride == 16)
  }

  @Test func cellsKeepTheirGlyphTextAndCombiningMarks() {
    #expect(Cell("e\u{301}\u{302}").text == "e\u{301}\u{302}")
    #expect(Cell("日").text == "日")
    #expect(Cell("1\u{20E3}").text == "1\u{20E3}")
    #expect(Cell("", isContinuation: true).text.isEmpty)
    var scalars: [Unicode.Scalar] = []
    Cell("a\u{300}").forEachScalar { scalars.append($0) }
    #expect(scalars == ["a", "\u{300}"])
  }

  /// `put(text)` skips grapheme segmentation for ASCII runs and for scalars that are whole
  /// graphemes; the result must equal putting each grapheme's glyphs one by one.
  @Test func textFastPathsAgreeWithGraphemeByGraphemeDrawing() {
    let pieces = [
      "ab", " ", "e\u{301}", "─", "│", "日本", "한", "\u{1100}\u{1161}\u{11A8}", "가\u{11A8}",
      "🎉", "👍🏽", "🇯🇵", "👨‍👩‍👧", "❤️", "\u{200B}", "\u{0600}1", "\u{0D4E}a", "é", "\u{301}",
      "क्ष", "ok", "\u{FE0F}", "\u{0378}",
    ]
    var random = SeededGenerator(seed: 7)
    for _ in 0..<300 {
      let text = (0..<8).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
      var fast = CellGrid(width: 24, height: 1)
      let advanced = fast.put(text, x: 1, y: 0, role: .code)
      var slow = CellGrid(width: 24, height: 1)
      var column = 1
      for character in text where column < 24 {
        DisplayWidth.forEachGlyph(of: character) { glyph in
          column += slow.put(glyph, x: column, y: 0, role: .code)
        }
      }
      #expect(fast == slow, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
      #expect(advanced == column - 1)
    }
  }

  /// The same, scrolled: text starting left of a clip (as code scrolled sideways) and cut
  /// by its right edge, with wide glyphs straddling both edges.
  @Test func textFastPathsAgreeWithGraphemeByGraphemeDrawingWhenClipped() {
    let pieces = ["ab", "日本", "e\u{301}", "─", "🎉", "👍🏽", "🇯🇵", "x", "\u{200B}", "한"]
    let clip = Rect(x: 2, y: 0, width: 15, height: 1)
    var random = SeededGenerator(seed: 11)
    for start in -6..<4 {
      for _ in 0..<60 {
        let text = (0..<8).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
        var fast = CellGrid(width: 20, height: 1, fill: Cell("#"))
        fast.put(text, x: start, y: 0, role: .code, clip: clip)
        var slow = CellGrid(width: 20, height: 1, fill: Cell("#"))
        var column = start
        for character in text where column < clip.maxX {
          DisplayWidth.forEachGlyph(of: character) { glyph in
            slow.put(glyph, x: column, y: 0, role: .code, clip: clip)
            column += glyph.width
          }
        }
        #expect(fast == slow, "start \(start): \(text)")
      }
    }
  }
}
