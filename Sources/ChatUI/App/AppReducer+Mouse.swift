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
        state.agentWindow.move(by: step)
      } else if let box = layout.sessionsBox, box.contains(point) {
        state.sessions.sideWindow.move(by: step)
      } else if let compare = state.compare {
        // The column under the pointer, else the selected one.
        let geometry = CompareLayout(area: layout.transcriptText, count: compare.columns.count)
        let column =
          geometry.isSideBySide
          ? geometry.panes.firstIndex { $0.contains(point) } ?? compare.selected : compare.selected
        state.compare?.columns[column].scroll(by: 3 * step, height: compare.textHeight)
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

  /// A click focuses the pane under it; on a side list's row it selects the item shown
  /// there (the window's offset plus the row).
  private static func click(_ state: inout AppState, at point: Position, layout: ScreenLayout)
    -> [Effect]
  {
    if layout.composerBox.contains(point) {
      state.focus = .composer
    } else if layout.transcriptBox.contains(point) {
      let text = layout.transcriptText
      if let compare = state.compare {
        let geometry = CompareLayout(area: text, count: compare.columns.count)
        if geometry.isSideBySide,
          let column = geometry.panes.firstIndex(where: { $0.contains(point) })
        {
          state.compare?.selected = column
        }
      } else if state.transcript.newLinesBelow > 0, point.y == text.maxY - 1 {
        state.transcript.followTail()
      }
      state.focus = .transcript
    } else if let box = layout.agentsBox, box.contains(point) {
      state.focus = .agents
      if let row = layout.sideAgentRow(at: point),
        let index = state.agentWindow.index(atVisibleRow: row)
      {
        state.agentWindow.move(to: index)
      }
    } else if let box = layout.sessionsBox, box.contains(point) {
      state.focus = .sessions
      if let row = layout.sideSessionRow(at: point),
        let index = state.sessions.sideWindow.index(atVisibleRow: row)
      {
        state.sessions.sideWindow.move(to: index)
      }
    }
    return []
  }
}
