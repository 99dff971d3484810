import ChatDomain
import ChatUI
import Formatting
import Foundation

/// The wide layout's left column: the agents (with their models) and the recent sessions,
/// each scrolled as its window in the state says.
///
/// It changes when a list does, not while a reply streams: with a cache, a frame whose inputs
/// are those of the last one copies its cells (drawing it formats every session's date).
enum SideColumnView {
  /// Everything the column is drawn from; equal inputs draw equal cells.
  struct Inputs: Equatable {
    var agentsBox: Rect?
    var sessionsBox: Rect?
    var agents: [Agent]
    var agentName: String
    var agentWindow: ListWindow
    var sessionsRevision: Int
    var sideWindow: ListWindow
    var focus: Focus
    var hasOverlay: Bool
    var sessionID: String?
    /// Dates are shown to the minute at most.
    var minute: Int
    var zone: LocalZone

    init(_ state: AppState, layout: ScreenLayout) {
      agentsBox = layout.agentsBox
      sessionsBox = layout.sessionsBox
      agents = state.agents
      agentName = state.agentName
      agentWindow = state.agentWindow
      sessionsRevision = state.sessions.revision
      sideWindow = state.sessions.sideWindow
      focus = state.focus
      hasOverlay = state.overlay != nil
      sessionID = state.session?.id
      minute = Int((state.now.timeIntervalSince1970 / 60).rounded(.down))
      zone = state.zone
    }
  }

  static func draw(
    _ state: AppState, layout: ScreenLayout, on grid: inout CellGrid, cache: RenderCache? = nil
  ) {
    let boxes = [layout.agentsBox, layout.sessionsBox].compactMap { $0 }
    guard !boxes.isEmpty else { return }
    let inputs = Inputs(state, layout: layout)
    let rowCount = boxes.reduce(0) { $0 + $1.height }
    if let cached = cache?.sideColumn, cached.inputs == inputs, cached.rows.count == rowCount {
      var rows = cached.rows.makeIterator()
      for box in boxes {
        for y in box.y..<box.maxY {
          guard let cells = rows.next() else { return }
          grid.paint(row: y, from: box.x, clip: box) { $0.put(cells: cells) }
        }
      }
      return
    }
    if let box = layout.agentsBox { drawAgents(state, box: box, layout: layout, on: &grid) }
    if let box = layout.sessionsBox { drawSessions(state, box: box, layout: layout, on: &grid) }
    guard let cache else { return }
    var rows: [[Cell]] = []
    rows.reserveCapacity(rowCount)
    for box in boxes {
      for y in box.y..<box.maxY {
        let start = y * grid.width + box.x
        rows.append(Array(grid.cells[start..<(start + box.width)]))
      }
    }
    cache.sideColumn = (inputs, rows)
  }

  private static func drawAgents(
    _ state: AppState, box: Rect, layout: ScreenLayout, on grid: inout CellGrid
  ) {
    let isFocused = state.focus == .agents && state.overlay == nil
    BoxView.draw(box, title: "Agents", isFocused: isFocused, on: &grid)
    let area = box.inset(by: 1)
    let first = state.agentWindow.offset
    let rows = layout.sideAgentRows
    for (offset, agent) in state.agents.dropFirst(first).prefix(rows).enumerated() {
      let index = first + offset
      let y = area.y + offset * ScreenLayout.sideAgentRowHeight
      let isCurrent = agent.name == state.agentName
      let isCursor = isFocused && index == state.agentCursor
      if isCursor {
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 2), with: .blank(.selection))
      }
      let role: StyleRole = isCursor ? .selection : (isCurrent ? .title : .base)
      BoxView.text(
        (isCurrent ? "▸ " : "  ") + agent.name, x: area.x, y: y, limit: area.width, role: role,
        on: &grid)
      if y + 1 < area.maxY {
        BoxView.text(
          "  " + Format.shortModel(agent.model), x: area.x, y: y + 1, limit: area.width,
          role: isCursor ? .selection : .muted, on: &grid)
      }
    }
  }

  private static func drawSessions(
    _ state: AppState, box: Rect, layout: ScreenLayout, on grid: inout CellGrid
  ) {
    let isFocused = state.focus == .sessions && state.overlay == nil
    BoxView.draw(box, title: "Sessions", rightTitle: "^S", isFocused: isFocused, on: &grid)
    let area = box.inset(by: 1)
    let summaries = state.sessions.summaries
    guard !summaries.isEmpty else {
      BoxView.text(
        "no sessions yet", x: area.x + 1, y: area.y, limit: area.width - 1, role: .muted, on: &grid)
      return
    }
    let first = state.sessions.sideWindow.offset
    let rows = layout.sideSessionRows
    for (offset, summary) in summaries.dropFirst(first).prefix(rows).enumerated() {
      let index = first + offset
      let y = area.y + offset
      let isCursor = isFocused && index == state.sessions.sideCursor
      let isCurrent = summary.session.id == state.session?.id
      if isCursor {
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: .blank(.selection))
      }
      let date = Format.listDate(
        summary.session.updatedAt, now: state.now, zone: state.zone)
      let dateWidth = DisplayWidth.width(of: date)
      let role: StyleRole = isCursor ? .selection : (isCurrent ? .title : .base)
      BoxView.text(
        (isCurrent ? "▸ " : "  ") + summary.session.title, x: area.x, y: y,
        limit: area.width - dateWidth - 1, role: role, on: &grid)
      grid.put(
        date, x: area.maxX - dateWidth, y: y, role: isCursor ? .selection : .muted, clip: area)
    }
  }
}
