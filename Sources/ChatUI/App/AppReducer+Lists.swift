extension AppReducer {
  /// Sizes every list's window from `layout` and its list's item count, so that each keeps
  /// its cursor visible and never scrolls past its end, whatever the last action changed.
  ///
  /// The agent window serves the overlay while it is open, else the side column (which is
  /// drawn under the overlay with the overlay's window in the rare wide layout that has
  /// both). The help is measured only while it is open: its lines are laid out to count.
  static func syncLists(_ state: inout AppState, _ layout: ScreenLayout) {
    let agentRows =
      state.overlay == .agents
      ? layout.agentListRows(agentCount: state.agents.count) : layout.sideAgentRows
    state.agentWindow.resize(height: agentRows, count: state.agents.count)
    let sessions = state.sessions
    state.sessions.window.resize(
      height: layout.sessionBrowserRows(showingHits: sessions.isShowingHits),
      count: sessions.rowCount)
    state.sessions.sideWindow.resize(
      height: layout.sideSessionRows, count: sessions.summaries.count)
    state.modelPicker.window.resize(
      height: layout.modelPickerRows, count: state.modelPicker.matches.count)
    if state.overlay == .help {
      let count = HelpLines.lines(state.keyMap, width: layout.helpColumnWidth).count
      state.helpWindow.resize(height: layout.helpVisibleLines, count: count)
    }
  }
}
