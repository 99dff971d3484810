import ChatDomain
import ChatUI
import Formatting
import Foundation

/// The model picker overlay: a query box, the capability filter, and the matching models with
/// context length, prices per million tokens and capabilities; matched characters stand out.
enum ModelPickerView {
  static func draw(_ state: AppState, layout: ScreenLayout, on grid: inout CellGrid) -> Position? {
    let box = layout.modelPickerBox
    let picker = state.modelPicker
    var title = "Models ─ \(picker.matches.count)"
    if let catalog = state.catalog {
      let date = Format.day(catalog.fetchedAt, zone: state.zone)
      title += catalog.origin == .bundled ? " · catalog \(date)" : " · refreshed \(date)"
    } else {
      title += " · loading…"
    }
    BoxView.draw(box, title: title, isFocused: true, on: &grid)
    let area = box.inset(by: 1)
    guard area.height >= 4 else { return nil }
    // Query line, with the filter on the right.
    let filter: String
    switch picker.capability {
    case .any: filter = "all models"
    case .tools: filter = "tools ✓"
    case .reasoning: filter = "reasoning ✓"
    case .imageInput: filter = "image input ✓"
    }
    grid.put("> ", x: area.x + 1, y: area.y, role: .title, clip: area)
    let queryArea = Rect(x: area.x + 3, y: area.y, width: area.width - 20, height: 1)
    grid.put(picker.query.text, x: queryArea.x, y: area.y, role: .base, clip: queryArea)
    grid.put(
      filter, x: area.maxX - DisplayWidth.width(of: filter) - 1, y: area.y, role: .muted, clip: area
    )
    let cursor = Position(
      x: queryArea.x
        + min(
          DisplayWidth.width(of: picker.query.text.prefix(picker.query.column)), queryArea.width - 1
        ),
      y: area.y)

    let columns = Columns(width: area.width - 2)
    drawHeader(columns, x: area.x + 1, y: area.y + 1, on: &grid)
    let first = picker.window.offset
    let rows = layout.modelPickerRows
    for (offset, match) in picker.matches.dropFirst(first).prefix(rows).enumerated() {
      let index = first + offset
      drawRow(
        match, columns: columns, x: area.x + 1, y: area.y + 2 + offset,
        isCursor: index == picker.cursor, isCurrent: match.model.id == state.model,
        mark: picker.marked.firstIndex(of: match.model.id).map { $0 + 1 }, on: &grid)
    }
    if picker.matches.isEmpty {
      let text = state.catalog == nil ? "loading the catalog…" : "no model matches"
      grid.put(text, x: area.x + 2, y: area.y + 2, role: .muted, clip: area)
    }
    let footer =
      picker.marked.count >= 2
      ? "Enter compare the \(picker.marked.count) marked · Space mark · Esc close"
      : "Enter use · Space mark to compare · Tab filters · Ctrl-R refresh · Esc close"
    BoxView.text(
      footer, x: area.x + 1, y: area.maxY - 1, limit: area.width - 2, role: .muted, on: &grid)
    return cursor
  }

  struct Columns {
    var id: Int
    var context = 8
    var price = 9
    var caps: Int

    init(width: Int) {
      caps = width >= 80 ? 16 : 0
      id = max(10, width - 2 - context - 2 * price - caps)
    }
  }

  private static func drawHeader(_ columns: Columns, x: Int, y: Int, on grid: inout CellGrid) {
    var x = x + 2
    grid.put("model", x: x, y: y, role: .muted)
    x += columns.id
    grid.put(pad("context", columns.context), x: x, y: y, role: .muted)
    x += columns.context
    grid.put(pad("in $/M", columns.price), x: x, y: y, role: .muted)
    x += columns.price
    grid.put(pad("out $/M", columns.price), x: x, y: y, role: .muted)
    x += columns.price
    if columns.caps > 0 { grid.put("  caps", x: x, y: y, role: .muted) }
  }

  private static func drawRow(
    _ match: ModelMatch, columns: Columns, x: Int, y: Int, isCursor: Bool, isCurrent: Bool,
    mark: Int?, on grid: inout CellGrid
  ) {
    let model = match.model
    let base: StyleRole = isCursor ? .selection : .base
    let width = 2 + columns.id + columns.context + 2 * columns.price + columns.caps
    if isCursor { grid.fill(Rect(x: x, y: y, width: width, height: 1), with: .blank(.selection)) }
    // A model marked for a compare shows its number there instead.
    grid.put(
      mark.map { "\($0)" } ?? (isCurrent ? "▸" : " "), x: x, y: y,
      role: mark == nil ? base : (isCursor ? base : .match))
    // The id, its matched characters highlighted (positions are scalar offsets).
    let highlighted = match.field == .id ? Set(match.positions) : []
    var column = x + 2
    for (offset, scalar) in model.id.unicodeScalars.enumerated() {
      if column >= x + 2 + columns.id - 1 { break }
      let role: StyleRole = highlighted.contains(offset) && !isCursor ? .match : base
      column += grid.put(String(scalar), x: column, y: y, role: role)
    }
    var cell = x + 2 + columns.id
    let context = model.contextLength.map(Format.tokens) ?? "?"
    grid.put(pad(context, columns.context), x: cell, y: y, role: base)
    cell += columns.context
    grid.put(
      pad(Format.pricePerMillion(model.promptPrice.perMillion), columns.price), x: cell, y: y,
      role: base)
    cell += columns.price
    grid.put(
      pad(Format.pricePerMillion(model.completionPrice.perMillion), columns.price), x: cell, y: y,
      role: base)
    cell += columns.price
    if columns.caps > 0 {
      var caps: [String] = []
      if model.supportsTools { caps.append("tools") }
      if model.supportsImageInput { caps.append("img") }
      if model.supportsReasoning { caps.append("reas") }
      grid.put(
        "  " + caps.joined(separator: " "), x: cell, y: y, role: isCursor ? .selection : .muted)
    }
  }

  /// Right-aligns `text` in `width` columns.
  static func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - 1 - text.count)) + text + " "
  }
}
