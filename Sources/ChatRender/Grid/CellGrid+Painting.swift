import ChatDomain
import ChatUI

extension CellGrid {
  /// Writes a glyph at (x, y), clipped to `clip` (default: the whole grid). A wide glyph
  /// cut by the clip's right edge becomes a blank; one whose left half falls before the
  /// clip's left edge leaves a blank in the clip's first column. Returns the glyph's width
  /// (0 when the row is outside the clip).
  @discardableResult
  public mutating func put(
    _ glyph: Glyph, x: Int, y: Int, role: StyleRole, clip: Rect? = nil
  ) -> Int {
    paint(row: y, from: x, clip: clip) { $0.put(glyph, role: role) }
  }

  /// Writes text from (x, y) on one row, clipped to `clip`. Returns the columns of the
  /// glyphs processed, which stops once the clip's right edge is reached (0 when the row
  /// is outside the clip); glyphs left of the clip count.
  @discardableResult
  public mutating func put(
    _ text: some StringProtocol, x: Int, y: Int, role: StyleRole, clip: Rect? = nil
  ) -> Int {
    paint(row: y, from: x, clip: clip) { $0.put(text, role: role) }
  }

  /// Paints row `y` left to right from column `x` through a `RowPainter`, clipped to
  /// `clip`, and repairs the wide glyphs the painted run cuts at either end. Returns how
  /// far the painter advanced (0 when the row is outside the clip).
  ///
  /// The painter writes every column it advances over inside the clip, so only the cells
  /// just outside the run can hold half of an old wide glyph.
  @discardableResult
  mutating func paint(
    row y: Int, from x: Int, clip: Rect? = nil, _ body: (inout RowPainter) -> Void
  ) -> Int {
    let area = (clip ?? bounds).intersection(bounds)
    guard y >= area.y, y < area.maxY else { return 0 }
    let rowStart = y * width
    let start = max(x, area.x)
    let leftCut = start < area.maxX && start > 0 && cells[rowStart + start].isContinuation
    let end = cells.withUnsafeMutableBufferPointer { buffer in
      var painter = RowPainter(
        cells: buffer, rowStart: rowStart, left: area.x, right: area.maxX, column: x)
      body(&painter)
      return painter.column
    }
    let paintedEnd = min(end, area.maxX)
    guard paintedEnd > start else { return end - x }
    if leftCut, !cells[rowStart + start].isContinuation {
      cells[rowStart + start - 1] = .blank(cells[rowStart + start - 1].role)
    }
    if paintedEnd < width, cells[rowStart + paintedEnd].isContinuation {
      cells[rowStart + paintedEnd] = .blank(cells[rowStart + paintedEnd].role)
    }
    return end - x
  }
}
