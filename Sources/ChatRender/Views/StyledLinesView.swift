import ChatDomain
import ChatUI

/// Draws laid-out lines (`StyledLine`) into a rectangle of a grid, one line per row.
///
/// Prose lines are drawn as laid out; one wider than the rectangle (a table that could not
/// shrink enough) is clipped with a `›` in its last column. Code blocks are drawn with a
/// rule down their left side, under a label with the language and `[N]`; code lines are never
/// wrapped: what does not fit at the rectangle's right edge is clipped, marked with `›` (and
/// with `‹` when scrolled right).
public enum StyledLinesView {
  /// A horizontal scroll of one code block.
  public struct CodeScroll: Sendable, Hashable {
    public var block: Int
    /// Columns hidden on the left; 0 shows the start of every line.
    public var offset: Int

    public init(block: Int, offset: Int) {
      self.block = block
      self.offset = offset
    }
  }

  /// Draws `lines` from the top row of `rect` down, one per row, and clears the rows
  /// below the last line to `background`: every cell of the rectangle is written (nearly
  /// all of them once), so the view can draw over an uncleared grid. Lines past the
  /// rectangle's height are not drawn.
  public static func draw<Lines: RandomAccessCollection<StyledLine>>(
    _ lines: Lines, in rect: Rect, on grid: inout CellGrid, codeScroll: CodeScroll? = nil,
    background: StyleRole = .base, cache: LineRowCache? = nil
  ) {
    // Called across modules, this generic function runs unspecialised; hand arrays and
    // slices to the non-generic body so indexing does not go through witness tables.
    let done: Void? = lines.withContiguousStorageIfAvailable { buffer in
      drawLines(
        buffer, in: rect, on: &grid, codeScroll: codeScroll, background: background,
        cache: cache)
    }
    if done != nil { return }
    drawLines(
      Array(lines), in: rect, on: &grid, codeScroll: codeScroll, background: background,
      cache: cache)
  }

  private static func drawLines<Lines: RandomAccessCollection<StyledLine>>(
    _ lines: Lines, in rect: Rect, on grid: inout CellGrid, codeScroll: CodeScroll?,
    background: StyleRole, cache: LineRowCache?
  ) {
    let area = rect.intersection(grid.bounds)
    guard !area.isEmpty else { return }
    var index = lines.startIndex
    var skipped = area.y - rect.y
    while skipped > 0, index != lines.endIndex {
      lines.formIndex(after: &index)
      skipped -= 1
    }
    for y in area.y..<area.maxY {
      guard index != lines.endIndex else {
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: .blank(background))
        continue
      }
      let line = lines[index]
      let offset = codeScroll.flatMap { $0.block == line.codeBlock ? $0.offset : nil } ?? 0
      draw(
        line, row: y, in: area, on: &grid, codeOffset: max(0, offset), background: background,
        cache: cache)
      lines.formIndex(after: &index)
    }
  }

  /// Draws one line on row `y` of `area`, writing every cell of that row; with a `cache`,
  /// copies the cells a recent frame drew for the same line instead.
  public static func draw(
    _ line: StyledLine, row y: Int, in area: Rect, on grid: inout CellGrid, codeOffset: Int = 0,
    background: StyleRole = .base, cache: LineRowCache? = nil
  ) {
    guard let cache, area == area.intersection(grid.bounds), y >= area.y, y < area.maxY else {
      paint(line, row: y, in: area, on: &grid, codeOffset: codeOffset, background: background)
      return
    }
    let key = LineRowCache.key(
      for: line, rowWidth: area.width, codeOffset: codeOffset, background: background)
    if let cells = cache.cells(for: key) {
      grid.paint(row: y, from: area.x, clip: area) { $0.put(cells: cells) }
      return
    }
    paint(line, row: y, in: area, on: &grid, codeOffset: codeOffset, background: background)
    let start = y * grid.width + area.x
    cache.store(Array(grid.cells[start..<(start + area.width)]), for: key, line: line)
  }

  /// Draws one line on row `y` of `area`, writing every cell of that row.
  private static func paint(
    _ line: StyledLine, row y: Int, in area: Rect, on grid: inout CellGrid, codeOffset: Int,
    background: StyleRole
  ) {
    var x = area.x
    switch line.kind {
    case .text:
      grid.paint(row: y, from: x, clip: area) { painter in
        for span in line.prefix { painter.put(span.text, role: span.role) }
        for span in line.spans {
          if painter.isAtEnd { break }
          painter.put(span.text, role: span.role)
        }
        painter.fill(to: area.maxX, with: .blank(background))
      }
      if line.width > area.width {
        grid.put(Glyph("›", width: 1), x: area.maxX - 1, y: y, role: .muted, clip: area)
      }
      return
    case .codeHeader, .code, .codeFooter:
      x += grid.paint(row: y, from: x, clip: area) { painter in
        for span in line.prefix { painter.put(span.text, role: span.role) }
      }
    }
    let box = box(from: x, y: y, in: area)
    switch line.kind {
    case .codeHeader(let language, let block):
      drawCodeHeader(language: language, block: block, box: box, on: &grid)
    case .code:
      let contentWidth = line.width - (x - area.x)
      drawCode(line.spans, width: contentWidth, box: box, offset: codeOffset, on: &grid)
    default:
      drawCodeFooter(box: box, on: &grid)
    }
  }

  /// A code box's row: from `x` (after the prefix) to the area's right edge.
  private static func box(from x: Int, y: Int, in area: Rect) -> Rect {
    Rect(x: x, y: y, width: area.maxX - x, height: 1)
  }
}
