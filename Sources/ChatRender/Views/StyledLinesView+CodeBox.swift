import ChatDomain
import ChatUI

extension StyledLinesView {
  /// Narrower boxes than this are drawn without borders: just the clipped code.
  static let minimumBoxWidth = 6

  /// Box-drawing cells, made once (each is one column wide under any UTF-8 locale).
  private static let horizontal = Cell("─", role: .codeBorder)
  private static let vertical = Cell("│", role: .codeBorder)
  private static let topLeft = Cell("┌", role: .codeBorder)
  private static let topRight = Cell("┐", role: .codeBorder)
  private static let bottomLeft = Cell("└", role: .codeBorder)
  private static let bottomRight = Cell("┘", role: .codeBorder)

  /// `┌ swift ──────── [2] ┐`; the number goes first, then the label, when space is short.
  static func drawCodeHeader(language: String, block: Int, box: Rect, on grid: inout CellGrid) {
    guard box.width >= minimumBoxWidth else {
      grid.fill(box, with: .blank(.code))
      return
    }
    let y = box.y
    grid.fill(box, with: horizontal)
    grid.set(topLeft, x: box.x, y: y)
    grid.set(topRight, x: box.maxX - 1, y: y)
    let number = " [\(block)] "
    let label = language.isEmpty ? "" : " \(language) "
    let room = box.width - 4
    if DisplayWidth.width(of: label) + number.count <= room {
      grid.put(label, x: box.x + 1, y: y, role: .codeLabel)
    }
    if number.count <= room {
      grid.put(number, x: box.maxX - 1 - number.count, y: y, role: .codeLabel)
    }
  }

  /// `│ code… │`, clipped to the box's interior with `‹`/`›` where text is hidden.
  /// `width` is the columns the code takes unclipped. Writes each cell of the box once.
  static func drawCode(
    _ spans: [StyledSpan], width: Int, box: Rect, offset: Int, on grid: inout CellGrid
  ) {
    guard !box.isEmpty else { return }
    let bordered = box.width >= minimumBoxWidth
    let interior =
      bordered ? Rect(x: box.x + 2, y: box.y, width: box.width - 4, height: 1) : box
    if bordered {
      grid.paint(row: box.y, from: box.x, clip: box) { painter in
        painter.put(vertical)
        painter.put(.blank(.code))
      }
      grid.paint(row: box.y, from: interior.maxX, clip: box) { painter in
        painter.put(.blank(.code))
        painter.put(vertical)
      }
    }
    grid.paint(row: box.y, from: interior.x - offset, clip: interior) { painter in
      for span in spans {
        if painter.isAtEnd { break }
        painter.put(span.text, role: span.role)
      }
      painter.fill(to: interior.maxX, with: .blank(.code))
    }
    if offset > 0 {
      grid.put(Glyph("‹", width: 1), x: interior.x, y: box.y, role: .codeBorder, clip: interior)
    }
    if width - offset > interior.width {
      grid.put(
        Glyph("›", width: 1), x: interior.maxX - 1, y: box.y, role: .codeBorder, clip: interior)
    }
  }

  /// `└──────┘`.
  static func drawCodeFooter(box: Rect, on grid: inout CellGrid) {
    guard box.width >= minimumBoxWidth else {
      grid.fill(box, with: .blank(.code))
      return
    }
    grid.fill(box, with: horizontal)
    grid.set(bottomLeft, x: box.x, y: box.y)
    grid.set(bottomRight, x: box.maxX - 1, y: box.y)
  }
}
