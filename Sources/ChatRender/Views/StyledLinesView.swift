import ChatCore
import ChatUI

/// Draws laid-out lines (`StyledLine`) into a rectangle of a grid, one line per row.
///
/// Prose lines are drawn as laid out; one wider than the rectangle (a table that could not
/// shrink enough) is clipped with a `›` in its last column. Code blocks are drawn as boxes
/// spanning from the end of their prefix to the rectangle's right edge, labelled with the
/// language and `[N]`; code lines are never wrapped: what does not fit is clipped, marked
/// with `›` (and with `‹` when scrolled right).
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

  /// Fills `rect` with `background`, then draws `lines` from its top row down; lines past
  /// the rectangle's height are not drawn.
  public static func draw<Lines: RandomAccessCollection<StyledLine>>(
    _ lines: Lines, in rect: Rect, on grid: inout CellGrid, codeScroll: CodeScroll? = nil,
    background: StyleRole = .base
  ) {
    let area = rect.intersection(grid.bounds)
    guard !area.isEmpty else { return }
    grid.fill(area, with: .blank(background))
    var y = rect.y
    for line in lines {
      guard y < area.maxY else { break }
      if y >= area.y {
        let offset = codeScroll.flatMap { $0.block == line.codeBlock ? $0.offset : nil } ?? 0
        draw(line, row: y, in: area, on: &grid, codeOffset: max(0, offset))
      }
      y += 1
    }
  }

  /// Draws one line on row `y` of `area`.
  public static func draw(
    _ line: StyledLine, row y: Int, in area: Rect, on grid: inout CellGrid, codeOffset: Int = 0
  ) {
    var x = area.x
    for span in line.prefix {
      x += grid.put(span.text, x: x, y: y, role: span.role, clip: area)
    }
    switch line.kind {
    case .text:
      for span in line.spans {
        if x >= area.maxX { break }
        x += grid.put(span.text, x: x, y: y, role: span.role, clip: area)
      }
      if line.width > area.width {
        grid.put(Glyph("›", width: 1), x: area.maxX - 1, y: y, role: .muted, clip: area)
      }
    case .codeHeader(let language, let block):
      drawCodeHeader(language: language, block: block, box: box(from: x, y: y, in: area), on: &grid)
    case .code:
      drawCode(line.spans, box: box(from: x, y: y, in: area), offset: codeOffset, on: &grid)
    case .codeFooter:
      drawCodeFooter(box: box(from: x, y: y, in: area), on: &grid)
    }
  }

  /// A code box's row: from `x` (after the prefix) to the area's right edge.
  private static func box(from x: Int, y: Int, in area: Rect) -> Rect {
    Rect(x: x, y: y, width: area.maxX - x, height: 1)
  }
}
