import ChatCore
import ChatUI
import Foundation

/// The bottom line: agent, model, session, context used, cost, credits and key hints. When
/// narrow it drops parts from the right: credits, then cost, then context.
enum StatusLineView {
  static func draw(_ state: AppState, layout: ScreenLayout, on grid: inout CellGrid) {
    let row = layout.statusRow
    grid.fill(row, with: .blank(.status))
    var left: [(String, StyleRole)] = [(" " + state.agentName, .status)]
    if let model = state.model { left.append((Formatting.shortModel(model), .status)) }
    if let title = state.session?.title { left.append((title, .status)) }

    var right: [(text: String, role: StyleRole)] = []
    if let used = state.contextUsed, let limit = state.modelSummary?.contextLength, limit > 0 {
      let isHigh = Double(used) >= 0.8 * Double(limit)
      right.append(("ctx \(Formatting.tokens(used))/\(Formatting.tokens(limit))", isHigh ? .statusWarning : .status))
    }
    if let cost = state.sessionCost { right.append(("session \(Formatting.cost(cost))", .status)) }
    if let credits = state.creditsLeft { right.append(("credits \(Formatting.cost(credits))", .status)) }
    let hint = state.completion.isBusy ? "Esc stop · ? help" : "? help"

    // Drop from the right until everything fits.
    func width(_ parts: [(String, StyleRole)]) -> Int {
      parts.reduce(0) { $0 + DisplayWidth.width(of: $1.0) + 3 }
    }
    var shown = right
    while !shown.isEmpty, width(left) + width(shown) + DisplayWidth.width(of: hint) + 2 > row.width {
      shown.removeLast()
    }
    let parts = left + shown + [(hint, StyleRole.status)]
    var x = row.x
    for (index, part) in parts.enumerated() {
      if index > 0 { x += grid.put(" · ", x: x, y: row.y, role: .status, clip: row) }
      x += BoxView.text(part.0, x: x, y: row.y, limit: row.maxX - x, role: part.1, on: &grid)
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
