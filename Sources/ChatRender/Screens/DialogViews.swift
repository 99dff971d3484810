import ChatDomain
import ChatUI

/// Small overlays: the agent list, the help, a yes/no question, a one-line prompt, and the
/// "terminal too small" notice.
enum DialogViews {
  static func drawAgents(_ state: AppState, layout: ScreenLayout, on grid: inout CellGrid) {
    let box = layout.agentListBox(agentCount: state.agents.count)
    BoxView.draw(box, title: "Agents", isFocused: true, on: &grid)
    let area = box.inset(by: 1)
    let first = state.agentWindow.offset
    let rows = layout.agentListRows(agentCount: state.agents.count)
    for (offset, agent) in state.agents.dropFirst(first).prefix(rows).enumerated() {
      let index = first + offset
      let y = area.y + offset
      let isCursor = index == state.agentCursor
      if isCursor {
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: .blank(.selection))
      }
      let marker = agent.name == state.agentName ? "▸ " : "  "
      let used = BoxView.text(
        marker + agent.name, x: area.x + 1, y: y, limit: 18, role: isCursor ? .selection : .title,
        on: &grid)
      _ = used
      BoxView.text(
        agent.model + (agent.description.isEmpty ? "" : " · " + agent.description), x: area.x + 20,
        y: y,
        limit: area.width - 21, role: isCursor ? .selection : .muted, on: &grid)
    }
    BoxView.text(
      "Enter switch from the next message · Esc close", x: area.x + 1, y: area.maxY - 1,
      limit: area.width - 2, role: .muted, on: &grid)
  }

  static func drawHelp(_ state: AppState, layout: ScreenLayout, on grid: inout CellGrid) {
    let box = layout.helpBox
    BoxView.draw(
      box, title: "Keys and commands", rightTitle: "↑↓ scroll · any key closes", isFocused: true,
      on: &grid)
    let area = box.inset(by: 1)
    // Two columns when the box is wide enough; scrolled by Up and Down otherwise.
    let columns = layout.helpColumns
    let columnWidth = layout.helpColumnWidth
    let lines = HelpLines.lines(state.keyMap, width: columnWidth)
    let perColumn = layout.helpRowsPerColumn
    for (index, line) in lines.dropFirst(state.helpWindow.offset).enumerated() {
      let column = index / perColumn
      guard column < columns else { break }
      BoxView.text(
        line.0, x: area.x + 1 + column * (columnWidth + 1), y: area.y + index % perColumn,
        limit: columnWidth, role: line.1, on: &grid)
    }
  }

  static func drawConfirm(_ title: String, layout: ScreenLayout, on grid: inout CellGrid) {
    drawQuestion(
      title: "Delete session", question: "Delete \"\(title)\" and its messages?",
      hint: "y delete · any other key keeps it", width: 60, layout: layout, on: &grid)
  }

  /// A yes/no question: a title, one line of question, one line of keys.
  static func drawQuestion(
    title: String, question: String, hint: String, width: Int = 70, layout: ScreenLayout,
    on grid: inout CellGrid
  ) {
    let box = layout.overlayBox(width: width, height: 5)
    BoxView.draw(box, title: title, isFocused: true, on: &grid)
    let area = box.inset(by: 1)
    BoxView.text(question, x: area.x + 1, y: area.y, limit: area.width - 2, role: .title, on: &grid)
    BoxView.text(hint, x: area.x + 1, y: area.y + 2, limit: area.width - 2, role: .muted, on: &grid)
  }

  static func drawPrompt(_ prompt: PromptState, layout: ScreenLayout, on grid: inout CellGrid)
    -> Position?
  {
    let box = layout.overlayBox(width: 70, height: 5)
    BoxView.draw(box, title: prompt.title, isFocused: true, on: &grid)
    let area = box.inset(by: 1)
    let field = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
    let text = prompt.answer.text
    let column = DisplayWidth.width(of: text.prefix(prompt.answer.column))
    let offset = max(0, column - field.width + 1)
    let visible = String(text.dropFirst(offset))
    grid.put(visible, x: field.x, y: field.y, role: .base, clip: field)
    BoxView.text(
      "Enter confirm · Esc cancel", x: area.x + 1, y: area.y + 2, limit: area.width - 2,
      role: .muted, on: &grid)
    return Position(x: field.x + column - offset, y: field.y)
  }

  static func drawTooSmall(_ size: TerminalSize, on grid: inout CellGrid) {
    let minimum = ScreenLayout.minimumSize
    let lines = [
      "orchat needs at least \(minimum.columns)×\(minimum.rows)",
      "this terminal is \(size.columns)×\(size.rows)", "Ctrl-C twice quits",
    ]
    let top = max(0, (size.rows - lines.count) / 2)
    for (offset, line) in lines.enumerated() where top + offset < size.rows {
      let x = max(0, (size.columns - DisplayWidth.width(of: line)) / 2)
      grid.put(line, x: x, y: top + offset, role: offset == 0 ? .title : .muted)
    }
  }
}
