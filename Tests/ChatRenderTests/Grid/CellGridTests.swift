import ChatCore
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
}
