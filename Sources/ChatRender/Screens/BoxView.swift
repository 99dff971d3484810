import ChatDomain
import ChatUI

/// Draws a bordered box with a title on its top edge, like `┌ Agents ───┐`.
enum BoxView {
  /// Draws the border of `rect` (at least 2×2), filling the inside with `fill`.
  static func draw(
    _ rect: Rect, title: String? = nil, rightTitle: String? = nil, isFocused: Bool = false,
    fill: StyleRole = .base, on grid: inout CellGrid
  ) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let border: StyleRole = isFocused ? .borderFocused : .border
    grid.fill(rect.inset(by: 1), with: .blank(fill))
    let top = rect.y
    let bottom = rect.maxY - 1
    for x in (rect.x + 1)..<(rect.maxX - 1) {
      grid.put(Glyph("─", width: 1), x: x, y: top, role: border)
      grid.put(Glyph("─", width: 1), x: x, y: bottom, role: border)
    }
    for y in (top + 1)..<bottom {
      grid.put(Glyph("│", width: 1), x: rect.x, y: y, role: border)
      grid.put(Glyph("│", width: 1), x: rect.maxX - 1, y: y, role: border)
    }
    grid.put(Glyph("┌", width: 1), x: rect.x, y: top, role: border)
    grid.put(Glyph("┐", width: 1), x: rect.maxX - 1, y: top, role: border)
    grid.put(Glyph("└", width: 1), x: rect.x, y: bottom, role: border)
    grid.put(Glyph("┘", width: 1), x: rect.maxX - 1, y: bottom, role: border)
    let edge = Rect(x: rect.x + 1, y: top, width: rect.width - 2, height: 1)
    var rightEdge = edge.maxX
    if let rightTitle, !rightTitle.isEmpty {
      let text = " \(rightTitle) "
      let width = DisplayWidth.width(of: text)
      if width + 4 < edge.width {
        rightEdge = edge.maxX - width - 1
        grid.put(text, x: rightEdge, y: top, role: .muted, clip: edge)
      }
    }
    if let title, !title.isEmpty {
      let clip = Rect(x: edge.x, y: top, width: max(0, rightEdge - edge.x), height: 1)
      grid.put(
        " \(title) ", x: edge.x, y: top, role: isFocused ? .borderFocused : .title, clip: clip)
    }
  }

  /// Writes `text` on row `y` from `x`, clipped to `limit` columns, ending with `…` when cut.
  @discardableResult
  static func text(
    _ text: String, x: Int, y: Int, limit: Int, role: StyleRole, on grid: inout CellGrid
  ) -> Int {
    guard limit > 0 else { return 0 }
    let width = DisplayWidth.width(of: text)
    let clip = Rect(x: x, y: y, width: limit, height: 1)
    if width <= limit { return grid.put(text, x: x, y: y, role: role, clip: clip) }
    var shortened = ""
    var used = 0
    for character in text {
      let characterWidth = DisplayWidth.width(of: character)
      if used + characterWidth > limit - 1 { break }
      shortened.append(character)
      used += characterWidth
    }
    grid.put(shortened + "…", x: x, y: y, role: role, clip: clip)
    return used + 1
  }
}
