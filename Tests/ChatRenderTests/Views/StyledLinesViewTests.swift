import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TestSupport
import Testing

@Suite struct StyledLinesViewTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  private func draw(
    _ markdown: String, width: Int, height: Int, codeScroll: StyledLinesView.CodeScroll? = nil
  ) -> CellGrid {
    var grid = CellGrid(width: width, height: height)
    let layout = MessageLayout(markdown, width: width)
    StyledLinesView.draw(layout.lines, in: grid.bounds, on: &grid, codeScroll: codeScroll)
    return grid
  }

  @Test func codeBlocksHaveARuleOnTheLeftUnderTheirLanguageAndNumber() {
    let grid = draw("```swift\nlet a = 1\n```", width: 24, height: 3)
    #expect(
      grid.rowTexts == [
        "  ┌─ swift [1]          ",
        "  │ let a = 1           ",
        "  └─                    ",
      ])
    #expect(grid[2, 0].role == .code)
    #expect(grid[5, 0].role == .codeLabel)
    #expect(grid[11, 0].role == .codeBorder)
    #expect(grid[4, 1].role == .codeKeyword)
  }

  @Test func longCodeLinesAreClippedWithAMarkerNotWrapped() {
    let grid = draw("```\nabcdefghijklmnopqrstuvwxyz\nshort\n```", width: 16, height: 4)
    #expect(grid.text(ofRow: 1) == "  │ abcdefghijk›")
    #expect(grid.text(ofRow: 2) == "  │ short       ")
    #expect(grid[15, 1].role == .codeBorder)
  }

  @Test func scrolledCodeShowsMarkersOnBothSides() {
    let grid = draw(
      "```\nabcdefghijklmnopqrstuvwxyz\n```", width: 16, height: 3,
      codeScroll: StyledLinesView.CodeScroll(block: 1, offset: 5))
    #expect(grid.text(ofRow: 1) == "  │ ‹ghijklmnop›")
  }

  @Test func wideGlyphCutByTheRightEdgeBecomesABlank() {
    let grid = draw("```\nabcdefghij日本\n```", width: 16, height: 3)
    #expect(grid.text(ofRow: 1) == "  │ abcdefghij ›")
    #expect(grid.wideGlyphViolation == nil)
  }

  @Test func narrowBoxesDropTheirBorders() {
    let grid = draw("```\nabcdefgh\n```", width: 7, height: 3)
    #expect(grid.rowTexts == ["       ", "  abcd›", "       "])
  }

  @Test func proseWiderThanTheAreaIsClippedWithAMarker() {
    var grid = CellGrid(width: 6, height: 1)
    let line = StyledLine(spans: [StyledSpan("a table row", role: .transcriptBody)])
    StyledLinesView.draw([line], in: grid.bounds, on: &grid)
    #expect(grid.text(ofRow: 0) == "a tab›")
  }

  @Test func drawsOnlyWhatFitsAndClearsTheRest() {
    var grid = CellGrid(width: 5, height: 4, fill: Cell("x"))
    let lines = ["one", "two", "three"].map {
      StyledLine(spans: [StyledSpan($0, role: .transcriptBody)])
    }
    StyledLinesView.draw(
      lines, in: Rect(x: 0, y: 1, width: 5, height: 2), on: &grid, background: .muted)
    #expect(grid.rowTexts == ["xxxxx", "one  ", "two  ", "xxxxx"])
    #expect(grid[4, 1].role == .muted)
  }
}
