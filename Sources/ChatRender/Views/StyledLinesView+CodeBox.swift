import ChatCore
import ChatUI

extension StyledLinesView {
  /// Narrower boxes than this are drawn without borders: just the clipped code.
  static let minimumBoxWidth = 6

  /// `┌ swift ──────── [2] ┐`; the number goes first, then the label, when space is short.
  static func drawCodeHeader(language: String, block: Int, box: Rect, on grid: inout CellGrid) {
    guard box.width >= minimumBoxWidth else { return }
    let y = box.y
    grid.fill(Rect(x: box.x, y: y, width: box.width, height: 1), with: Cell("─", role: .codeBorder))
    grid.put("┌", x: box.x, y: y, role: .codeBorder)
    grid.put("┐", x: box.maxX - 1, y: y, role: .codeBorder)
    let number = " [\(block)] "
    let label = language.isEmpty ? "" : " \(language) "
    let room = box.width - 4
    var left = box.x + 1
    if DisplayWidth.width(of: label) + number.count <= room {
      left += grid.put(label, x: left, y: y, role: .codeLabel)
    }
    if number.count <= room {
      grid.put(number, x: box.maxX - 1 - number.count, y: y, role: .codeLabel)
    }
  }

  /// `│ code… │`, clipped to the box's interior with `‹`/`›` where text is hidden.
  static func drawCode(_ spans: [StyledSpan], box: Rect, offset: Int, on grid: inout CellGrid) {
    let bordered = box.width >= minimumBoxWidth
    let interior =
      bordered ? Rect(x: box.x + 2, y: box.y, width: box.width - 4, height: 1) : box
    grid.fill(box, with: .blank(.code))
    if bordered {
      grid.put("│", x: box.x, y: box.y, role: .codeBorder)
      grid.put("│", x: box.maxX - 1, y: box.y, role: .codeBorder)
    }
    guard !interior.isEmpty else { return }
    var x = interior.x - offset
    for span in spans {
      if x >= interior.maxX { break }
      x += grid.put(span.text, x: x, y: box.y, role: span.role, clip: interior)
    }
    if offset > 0 {
      grid.put(Glyph("‹", width: 1), x: interior.x, y: box.y, role: .codeBorder)
    }
    // Drawing stops at the edge, so only a line that reached it can have more to show.
    if x >= interior.maxX, spans.displayWidth - offset > interior.width {
      grid.put(Glyph("›", width: 1), x: interior.maxX - 1, y: box.y, role: .codeBorder)
    }
  }

  /// `└──────┘`.
  static func drawCodeFooter(box: Rect, on grid: inout CellGrid) {
    guard box.width >= minimumBoxWidth else { return }
    grid.fill(box, with: Cell("─", role: .codeBorder))
    grid.put("└", x: box.x, y: box.y, role: .codeBorder)
    grid.put("┘", x: box.maxX - 1, y: box.y, role: .codeBorder)
  }
}
