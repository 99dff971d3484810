import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TestSupport
import Testing

@Suite struct GridDiffTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  @Test func identicalGridsGiveAnEmptyDiff() {
    var grid = CellGrid(width: 8, height: 3)
    grid.put("hello 世界", x: 0, y: 1, role: .transcriptBody)
    let diff = GridDiff(from: grid, to: grid)
    #expect(diff.isEmpty)
    #expect(!diff.isFull)
  }

  @Test func noPreviousGridOrANewSizeRepaintsEverything() {
    let grid = CellGrid(width: 5, height: 2)
    #expect(GridDiff(from: nil, to: grid).isFull)
    #expect(GridDiff(from: CellGrid(width: 4, height: 2), to: grid).runs.count == 2)
  }

  @Test func changedCellsFormOneRunPerRowSpan() {
    let old = CellGrid(width: 10, height: 2)
    var new = old
    new.put("ab", x: 2, y: 0, role: .code)
    new.put("c", x: 7, y: 0, role: .code)
    #expect(
      GridDiff(from: old, to: new).runs == [
        GridDiff.Run(row: 0, column: 2, cells: [Cell("a", role: .code), Cell("b", role: .code)]),
        GridDiff.Run(row: 0, column: 7, cells: [Cell("c", role: .code)]),
      ])
  }

  @Test func changingHalfOfAWideGlyphRepaintsBothHalves() {
    var old = CellGrid(width: 6, height: 1)
    old.put("a日b", x: 0, y: 0, role: .transcriptBody)
    var new = old
    new.put("x", x: 2, y: 0, role: .transcriptBody)  // the right half of 日
    let runs = GridDiff(from: old, to: new).runs
    #expect(runs.count == 1)
    #expect(runs.first?.column == 1)
    #expect(runs.first?.cells.map(\.text) == [" ", "x"])
  }

  /// Random edits (ASCII, CJK, emoji, flags, fills, role changes) to random grids: painting
  /// the runs onto a terminal that shows the old grid, with the terminal's own rule that
  /// writing over half of a wide glyph erases the other half, yields exactly the new grid.
  /// Runs never start on, or end before, a continuation cell.
  @Test(arguments: 0..<8)
  func paintingTheDiffOverTheOldGridGivesTheNewGrid(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed))
    let texts = ["a", "bc", "日本", "🎉", "語x", " ", "🇯🇵", "e\u{301}", "한"]
    let roles: [StyleRole] = [.base, .transcriptBody, .code, .markdownBold]
    for _ in 0..<60 {
      let width = Int.random(in: 1...16, using: &random)
      let height = Int.random(in: 1...4, using: &random)
      var old = CellGrid(width: width, height: height)
      scribble(on: &old, count: 20, texts: texts, roles: roles, using: &random)
      var new = old
      scribble(
        on: &new, count: Int.random(in: 0...6, using: &random), texts: texts, roles: roles,
        using: &random)
      let diff = GridDiff(from: old, to: new)

      var raw = old
      diff.apply(to: &raw)
      #expect(raw == new)

      var terminal = old
      for run in diff.runs {
        #expect(run.cells.first?.isContinuation == false)
        let end = run.column + run.cells.count
        #expect(end == width || !new[end, run.row].isContinuation)
        for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
          let isWide = offset + 1 < run.cells.count && run.cells[offset + 1].isContinuation
          terminal.put(
            Glyph(cell.text, width: isWide ? 2 : 1), x: run.column + offset, y: run.row,
            role: cell.role)
        }
      }
      #expect(terminal == new)
      #expect(new.wideGlyphViolation == nil)
    }
  }

  private func scribble(
    on grid: inout CellGrid, count: Int, texts: [String], roles: [StyleRole],
    using random: inout SeededGenerator
  ) {
    for _ in 0..<count {
      let x = Int.random(in: -1...grid.width, using: &random)
      let y = Int.random(in: 0..<grid.height, using: &random)
      let role = roles.randomElement(using: &random) ?? .base
      if Int.random(in: 0..<6, using: &random) == 0 {
        let rect = Rect(x: x, y: y, width: Int.random(in: 0...4, using: &random), height: 1)
        grid.fill(rect, with: .blank(role))
      } else {
        grid.put(texts.randomElement(using: &random) ?? "", x: x, y: y, role: role)
      }
    }
  }
}
