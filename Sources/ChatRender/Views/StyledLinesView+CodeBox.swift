import ChatDomain
import ChatUI

extension StyledLinesView {
  /// Narrower boxes than this are drawn without borders: just the clipped code.
  static let minimumBoxWidth = 6

  /// Rule cells, made once (each is one column wide under any UTF-8 locale). They are in the
  /// code's own role, not the border's: a colour change is two escape sequences on the
  /// terminal, and the rule comes with every code line while a reply streams.
  private static let horizontal = Cell("─", role: .code)
  private static let vertical = Cell("│", role: .code)
  private static let topLeft = Cell("┌", role: .code)
  private static let bottomLeft = Cell("└", role: .code)

  /// `┌─ swift [2]`: a short label, not a rule across the width, so a code block costs the
  /// terminal a few cells of border per line rather than a row of them (a border row is
  /// three bytes a cell, and while a reply streams every one is written out).
  static func drawCodeHeader(language: String, block: Int, box: Rect, on grid: inout CellGrid) {
    grid.fill(box, with: .blank(.code))
    guard box.width >= minimumBoxWidth else { return }
    let y = box.y
    grid.set(topLeft, x: box.x, y: y)
    grid.set(horizontal, x: box.x + 1, y: y)
    let number = "[\(block)]"
    let label = language.isEmpty ? "" : language + " "
    var x = box.x + 3
    let room = box.maxX - x
    if DisplayWidth.width(of: label) + number.count <= room {
      x += grid.put(label, x: x, y: y, role: .codeLabel)
    }
    if number.count <= box.maxX - x {
      grid.put(number, x: x, y: y, role: .codeBorder)
    }
  }

  /// `│ code…`, clipped to the area's right edge with `‹`/`›` where text is hidden.
  /// `width` is the columns the code takes unclipped. Writes each cell of the row once.
  static func drawCode(
    _ spans: [StyledSpan], width: Int, box: Rect, offset: Int, on grid: inout CellGrid
  ) {
    guard !box.isEmpty else { return }
    let bordered = box.width >= minimumBoxWidth
    let interior =
      bordered ? Rect(x: box.x + 2, y: box.y, width: box.width - 2, height: 1) : box
    if bordered {
      grid.paint(row: box.y, from: box.x, clip: box) { painter in
        painter.put(vertical)
        painter.put(.blank(.code))
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

  /// `└─`.
  static func drawCodeFooter(box: Rect, on grid: inout CellGrid) {
    grid.fill(box, with: .blank(.code))
    guard box.width >= minimumBoxWidth else { return }
    grid.set(bottomLeft, x: box.x, y: box.y)
    grid.set(horizontal, x: box.x + 1, y: box.y)
  }
}
