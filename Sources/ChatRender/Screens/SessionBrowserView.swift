import ChatDomain
import ChatUI
import Formatting

/// The session browser overlay: sessions with date, agent, message count and cost, or search
/// results with their snippets (matches highlighted).
enum SessionBrowserView {
  static func draw(_ state: AppState, layout: ScreenLayout, on grid: inout CellGrid) -> Position? {
    let box = layout.sessionBrowserBox
    let list = state.sessions
    var title = "Sessions ─ \(list.summaries.count)"
    if !list.query.isEmpty || list.isEditingQuery { title += " ─ search: \"\(list.query.text)\"" }
    BoxView.draw(box, title: title, isFocused: true, on: &grid)
    let area = box.inset(by: 1)
    guard area.height >= 3 else { return nil }
    let listArea = layout.sessionBrowserList
    let rows = layout.sessionBrowserRows(showingHits: list.isShowingHits)
    if list.isShowingHits {
      drawHits(state, in: listArea, rows: rows, on: &grid)
    } else {
      drawSummaries(state, in: listArea, rows: rows, on: &grid)
    }
    let footer =
      list.isEditingQuery
      ? "type to search every message · Enter or Esc done"
      : "Enter open · r rename · d delete · e export (E json) · n new · / search · Esc close"
    BoxView.text(
      footer, x: area.x + 1, y: area.maxY - 1, limit: area.width - 2, role: .muted, on: &grid)
    guard list.isEditingQuery else { return nil }
    let prefix = DisplayWidth.width(of: " Sessions ─ \(list.summaries.count) ─ search: \"")
    let column = DisplayWidth.width(of: list.query.text.prefix(list.query.column))
    return Position(x: min(box.maxX - 2, box.x + 1 + prefix + column), y: box.y)
  }

  private static func drawSummaries(
    _ state: AppState, in area: Rect, rows: Int, on grid: inout CellGrid
  ) {
    let summaries = state.sessions.summaries
    if summaries.isEmpty {
      grid.put(
        "No sessions yet: send a message to start one.", x: area.x + 1, y: area.y, role: .muted,
        clip: area)
      return
    }
    let first = state.sessions.window.offset
    for (offset, summary) in summaries.dropFirst(first).prefix(rows).enumerated() {
      let index = first + offset
      let y = area.y + offset
      let isCursor = index == state.sessions.cursor
      let role: StyleRole = isCursor ? .selection : .base
      if isCursor {
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: .blank(.selection))
      }
      let date = Format.listDate(
        summary.session.updatedAt, now: state.now, zone: state.zone)
      let cost = summary.cost.map(Format.cost) ?? ""
      // The title keeps at least 24 columns: narrow, the agent and then the message count go.
      let (dateWidth, agentWidth, countWidth, costWidth) = (11, 12, 10, 9)
      let always = 24 + dateWidth + costWidth
      let count =
        area.width >= always + countWidth ? pad("\(summary.messageCount) msgs", countWidth) : ""
      let agent =
        area.width >= always + countWidth + agentWidth ? pad(summary.session.agent, agentWidth) : ""
      let details = "\(pad(date, dateWidth))\(agent)\(count)\(pad(cost, costWidth))"
      let detailsWidth = DisplayWidth.width(of: details)
      let marker = summary.session.id == state.session?.id ? "▸ " : "  "
      BoxView.text(
        marker + summary.session.title, x: area.x, y: y, limit: area.width - detailsWidth - 1,
        role: role, on: &grid)
      grid.put(
        details, x: area.maxX - detailsWidth, y: y, role: isCursor ? .selection : .muted, clip: area
      )
    }
  }

  private static func drawHits(
    _ state: AppState, in area: Rect, rows: Int, on grid: inout CellGrid
  ) {
    let hits = state.sessions.hits
    if hits.isEmpty {
      grid.put("No message matches.", x: area.x + 1, y: area.y, role: .muted, clip: area)
      return
    }
    let perHit = ScreenLayout.sessionHitRowHeight
    let first = state.sessions.window.offset
    for (offset, hit) in hits.dropFirst(first).prefix(rows).enumerated() {
      let index = first + offset
      let y = area.y + offset * perHit
      let isCursor = index == state.sessions.cursor
      if isCursor {
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: .blank(.selection))
      }
      let date = Format.listDate(hit.createdAt, now: state.now, zone: state.zone)
      BoxView.text(
        "  " + hit.sessionTitle, x: area.x, y: y, limit: area.width - 12,
        role: isCursor ? .selection : .title, on: &grid)
      grid.put(
        date, x: area.maxX - DisplayWidth.width(of: date), y: y,
        role: isCursor ? .selection : .muted, clip: area)
      if y + 1 < area.maxY {
        drawSnippet(hit.snippet, x: area.x + 4, y: y + 1, limit: area.width - 4, on: &grid)
      }
    }
  }

  /// The snippet with the words between `[` and `]` in the match style, shown as «…».
  private static func drawSnippet(
    _ snippet: String, x: Int, y: Int, limit: Int, on grid: inout CellGrid
  ) {
    let clip = Rect(x: x, y: y, width: limit, height: 1)
    var column = x
    var isMatch = false
    let flattened = snippet.replacingOccurrences(of: "\n", with: " ")
    for character in flattened {
      if column >= clip.maxX { break }
      switch character {
      case "[":
        isMatch = true
        column += grid.put("«", x: column, y: y, role: .muted, clip: clip)
      case "]":
        isMatch = false
        column += grid.put("»", x: column, y: y, role: .muted, clip: clip)
      default:
        column += grid.put(
          String(character), x: column, y: y, role: isMatch ? .match : .muted, clip: clip)
      }
    }
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    let shown = text.count > width - 1 ? String(text.prefix(width - 2)) + "…" : text
    return shown + String(repeating: " ", count: max(1, width - shown.count))
  }
}
