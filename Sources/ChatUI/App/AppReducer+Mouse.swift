extension AppReducer {
  static func handleMouse(_ state: inout AppState, _ mouse: MouseEvent) -> [Effect] {
    guard state.isMouseEnabled else { return [] }
    let point = Position(x: mouse.x, y: mouse.y)
    let layout = state.layout
    if let overlay = state.overlay {
      switch mouse.kind {
      case .wheelUp: return handleOverlayKey(&state, overlay, KeyEvent(.up))
      case .wheelDown: return handleOverlayKey(&state, overlay, KeyEvent(.down))
      default: return []
      }
    }
    switch mouse.kind {
    case .wheelUp, .wheelDown:
      let step = mouse.kind == .wheelUp ? -1 : 1
      if let box = layout.agentsBox, box.contains(point) {
        state.agentCursor = max(0, min(state.agents.count - 1, state.agentCursor + step))
      } else if let box = layout.sessionsBox, box.contains(point) {
        let count = state.sessions.summaries.count
        state.sessions.sideCursor = max(0, min(count - 1, state.sessions.sideCursor + step))
      } else {
        state.transcript.scroll(by: 3 * step)
      }
    case .press(.left), .release(.left):
      guard case .release = mouse.kind else { return [] }
      return click(&state, at: point, layout: layout)
    default:
      break
    }
    return []
  }

  private static func click(_ state: inout AppState, at point: Position, layout: ScreenLayout)
    -> [Effect]
  {
    if layout.composerBox.contains(point) {
      state.focus = .composer
    } else if layout.transcriptBox.contains(point) {
      let text = layout.transcriptText
      if state.transcript.newLinesBelow > 0, point.y == text.maxY - 1 {
        state.transcript.followTail()
      }
      state.focus = .transcript
    } else if let box = layout.agentsBox, box.contains(point) {
      state.focus = .agents
      let row = point.y - box.y - 1
      if row >= 0, row / 2 < state.agents.count { state.agentCursor = row / 2 }
    } else if let box = layout.sessionsBox, box.contains(point) {
      state.focus = .sessions
      let row = point.y - box.y - 1
      if row >= 0, row < state.sessions.summaries.count { state.sessions.sideCursor = row }
    }
    return []
  }
}
