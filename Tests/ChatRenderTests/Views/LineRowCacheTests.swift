import ChatCore
import ChatDomain
import ChatUI
import TestSupport
import Testing

@testable import ChatRender

/// Copying remembered rows must give exactly the frames that drawing every line gives.
@Suite struct LineRowCacheTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  /// A reply streamed in random pieces, the view following its tail, drawn over the
  /// previous frame each time (as the app's grids are reused): with and without a cache,
  /// every frame is the same, and the cache serves the lines that did not change.
  @Test func cachedFramesEqualDrawnFramesWhileAReplyStreams() {
    let text = MarkdownSamples.all.joined(separator: "\n\n")
    var random = SeededGenerator(seed: 5)
    let pieces = random.randomSplits(of: text, maxLength: 9)
    let cache = LineRowCache(capacity: 64)
    var layout = MessageLayout(width: 38)
    var cached = CellGrid(width: 40, height: 12)
    var drawn = cached
    for (index, piece) in pieces.enumerated() {
      layout.append(piece)
      let lines = layout.lines
      let visible = Array(lines.suffix(10))
      let rect = Rect(x: 1, y: 1, width: 38, height: 10)
      let scroll = StyledLinesView.CodeScroll(block: 1, offset: index % 7 == 0 ? 3 : 0)
      StyledLinesView.draw(visible, in: rect, on: &drawn, codeScroll: scroll)
      StyledLinesView.draw(visible, in: rect, on: &cached, codeScroll: scroll, cache: cache)
      #expect(cached == drawn, "after piece \(index)")
      if cached != drawn { return }
    }
    #expect(cache.hits > cache.misses)
  }

  /// A line changed in place (its arrays mutated, so copied on write) is drawn afresh,
  /// never served from the cache.
  @Test func aLineMutatedInPlaceIsDrawnAgain() {
    let cache = LineRowCache()
    var line = StyledLine(spans: [StyledSpan("hello", role: .transcriptBody)], width: 5)
    var grid = CellGrid(width: 12, height: 1)
    let rect = Rect(x: 0, y: 0, width: 12, height: 1)
    StyledLinesView.draw(line, row: 0, in: rect, on: &grid, cache: cache)
    line.spans[0].text = "world"
    StyledLinesView.draw(line, row: 0, in: rect, on: &grid, cache: cache)
    #expect(grid.text(ofRow: 0) == "world       ")
    StyledLinesView.draw(line, row: 0, in: rect, on: &grid, cache: cache)
    #expect(cache.hits == 1)
    #expect(cache.misses == 2)
  }

  /// A cached row copied next to a wide glyph that it cuts repairs it, as drawing does.
  @Test func copiedRowsRepairWideGlyphsAtTheirEdges() {
    let cache = LineRowCache()
    let line = StyledLine(spans: [StyledSpan("abc", role: .transcriptBody)], width: 3)
    let rect = Rect(x: 2, y: 0, width: 4, height: 1)
    var first = CellGrid(width: 8, height: 1)
    StyledLinesView.draw(line, row: 0, in: rect, on: &first, cache: cache)
    for useCache in [false, true] {
      var grid = CellGrid(width: 8, height: 1)
      grid.put("日本語", x: 1, y: 0, role: .base)
      StyledLinesView.draw(line, row: 0, in: rect, on: &grid, cache: useCache ? cache : nil)
      #expect(grid.text(ofRow: 0) == "  abc   ", "cache \(useCache)")
      #expect(grid.wideGlyphViolation == nil)
    }
    #expect(cache.hits == 1)
  }
}

@Suite struct RowPainterCopyTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  /// Copied cells clipped on either side never leave half a wide glyph.
  @Test func clippedCopiesBlankWideGlyphsCutByTheClip() {
    var source = CellGrid(width: 8, height: 1)
    source.put("a日本語", x: 0, y: 0, role: .base)
    let row = Array(source.row(0))
    for start in -3...3 {
      var grid = CellGrid(width: 8, height: 1, fill: Cell("#"))
      grid.paint(row: 0, from: start, clip: Rect(x: 1, y: 0, width: 5, height: 1)) {
        $0.put(cells: row)
      }
      for x in 1..<6 {
        let cell = grid[x, 0]
        let isWide = DisplayWidth.width(of: cell.text) == 2
        if cell.isContinuation {
          #expect(
            x > 1 && DisplayWidth.width(of: grid[x - 1, 0].text) == 2, "start \(start), column \(x)"
          )
        }
        if isWide { #expect(x < 5 && grid[x + 1, 0].isContinuation, "start \(start), column \(x)") }
      }
    }
  }
}
