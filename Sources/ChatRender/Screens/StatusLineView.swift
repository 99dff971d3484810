import ChatDomain
import ChatUI
import Formatting
import Foundation

/// The bottom line: agent, model, session, context used, cost, credits and key hints. When
/// narrow it drops parts from the right: credits, then cost, then context.
enum StatusLineView {
  static func draw(_ state: AppState, layout: ScreenLayout, on grid: inout CellGrid) {
    let row = layout.statusRow
    grid.fill(row, with: .blank(.status))
    var left: [(String, StyleRole)] = [(" " + state.agentName, .status)]
    if let model = state.model { left.append((Format.shortModel(model), .status)) }
    if state.isWebSearchOn { left.append(("web", .status)) }

    var right: [(String, StyleRole)] = []
    if let used = state.contextUsed, let limit = state.modelSummary?.contextLength, limit > 0 {
      let isHigh = Double(used) >= 0.8 * Double(limit)
      right.append(
        ("ctx \(Format.tokens(used))/\(Format.tokens(limit))", isHigh ? .statusWarning : .status))
    }
    if let cost = state.sessionCost { right.append((Format.cost(cost), .status)) }
    if let credits = state.creditsLeft {
      right.append(("credits \(Format.cost(credits))", .status))
    }
    let hint = (state.isBusy ? "Esc stop · ? help" : "? help", StyleRole.status)

    func width(_ parts: [(String, StyleRole)]) -> Int {
      parts.reduce(0) { $0 + DisplayWidth.width(of: $1.0) + 3 }
    }
    // Figures drop from the right (credits, then cost, then context) before the agent and
    // model go; the session title only takes what room is left.
    while !right.isEmpty, width(left) + width(right) + width([hint]) > row.width {
      right.removeLast()
    }
    var parts = left
    var titleIndex: Int?
    if let title = state.session?.title,
      row.width - width(left) - width(right) - width([hint]) >= 12
    {
      titleIndex = parts.count
      parts.append((title, .status))
    }
    let reserved = width(right + [hint])
    parts += right + [hint]
    var x = row.x
    for (index, part) in parts.enumerated() {
      if index > 0 { x += grid.put(" · ", x: x, y: row.y, role: .status, clip: row) }
      let limit = index == titleIndex ? row.maxX - x - reserved : row.maxX - x
      x += BoxView.text(part.0, x: x, y: row.y, limit: max(1, limit), role: part.1, on: &grid)
    }
  }

  static func drawBanner(_ state: AppState, layout: ScreenLayout, on grid: inout CellGrid) {
    guard let banner = state.banner, let row = layout.bannerRow else { return }
    let role: StyleRole = banner.kind == .error ? .bannerError : .banner
    grid.fill(row, with: .blank(role))
    let icon = banner.kind == .error ? " ✖ " : (banner.kind == .warning ? " ⚠ " : " ")
    let text = icon + banner.text(at: state.now)
    BoxView.text(text, x: row.x, y: row.y, limit: row.width, role: role, on: &grid)
  }
}
