import ChatDomain
import Foundation

extension AppReducer {
  static func openSessionBrowser(_ state: inout AppState, query: String?) -> [Effect] {
    state.overlay = .sessions
    state.sessions.window.reset()
    if let query {
      state.sessions.query.set(query)
      state.sessions.isEditingQuery = false
      return [.listSessions, .searchSessions(query)]
    }
    return [.listSessions]
  }

  static func sessionBrowserKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
    if state.sessions.isEditingQuery {
      switch key.key {
      case .escape, .enter:
        state.sessions.isEditingQuery = false
        if state.sessions.query.isEmpty { clearSearch(&state) }
        return []
      case .up, .down:
        state.sessions.isEditingQuery = false
      default:
        guard editField(&state.sessions.query, key) else { return [] }
        let query = state.sessions.query.text
        if query.isBlank {
          clearSearch(&state)
          return []
        }
        return [.searchSessions(query)]
      }
    }
    switch key.key {
    case .escape:
      if state.sessions.isShowingHits {
        state.sessions.query.clear()
        clearSearch(&state)
      } else {
        state.overlay = nil
      }
    case .up, .character("k"): state.sessions.window.move(by: -1)
    case .down, .character("j"): state.sessions.window.move(by: 1)
    case .pageUp: state.sessions.window.move(by: -10)
    case .pageDown: state.sessions.window.move(by: 10)
    case .character("/"):
      state.sessions.isEditingQuery = true
    case .enter:
      guard let id = state.sessions.sessionID(at: state.sessions.cursor) else { return [] }
      // A search hit opens on the branch that holds the matching message.
      let hit = state.sessions.isShowingHits ? state.sessions.hits[state.sessions.cursor] : nil
      return openSession(&state, id, showing: hit?.messageID)
    case .character("n"):
      return newSession(&state)
    case .character("r"):
      guard let id = state.sessions.sessionID(at: state.sessions.cursor) else { return [] }
      state.overlay = .prompt(
        PromptState(
          purpose: .rename(sessionID: id), title: "Rename session",
          answer: state.sessions.title(of: id) ?? ""))
    case .character("d"):
      guard let id = state.sessions.sessionID(at: state.sessions.cursor) else { return [] }
      state.overlay = .confirmDelete(sessionID: id, title: state.sessions.title(of: id) ?? id)
    case .character("e"), .character("E"):
      guard let id = state.sessions.sessionID(at: state.sessions.cursor) else { return [] }
      let format: ExportFormat = key.key == .character("E") ? .json : .markdown
      state.overlay = .prompt(
        PromptState(
          purpose: .export(sessionID: id, format: format),
          title: "Export to (\(format == .json ? "JSON" : "Markdown"); E for JSON)",
          answer: defaultExportPath(
            title: state.sessions.title(of: id) ?? "session", format: format)))
    default:
      break
    }
    return []
  }

  static func clearSearch(_ state: inout AppState) {
    state.sessions.hits = []
    state.sessions.hitsQuery = nil
    state.sessions.window.reset()
  }

  /// `~/orchat-<title words>.md`.
  static func defaultExportPath(title: String, format: ExportFormat) -> String {
    let words = title.lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(6)
    let slug = words.isEmpty ? "session" : words.joined(separator: "-")
    return "~/orchat-\(slug).\(format.rawValue)"
  }

  static func openSession(_ state: inout AppState, _ id: String, showing messageID: String? = nil)
    -> [Effect]
  {
    guard !state.isBusy else {
      notify(&state, "A reply is streaming: stop it with Esc first", .warning)
      return []
    }
    let effects = leaveCompare(&state)
    state.overlay = nil
    state.focus = .composer
    return effects + [.openSession(id, showing: messageID)]
  }

  /// The side column's session list.
  static func sideSessionsKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
    switch key.key {
    case .up, .character("k"): state.sessions.sideWindow.move(by: -1)
    case .down, .character("j"): state.sessions.sideWindow.move(by: 1)
    case .enter:
      guard state.sessions.summaries.indices.contains(state.sessions.sideCursor) else { return [] }
      return openSession(&state, state.sessions.summaries[state.sessions.sideCursor].session.id)
    case .escape:
      state.focus = .composer
    default:
      break
    }
    return []
  }

  /// Shows an opened session, back with the agent and model of its last message.
  static func sessionOpened(
    _ state: inout AppState, reference: String, _ result: Result<OpenedSession, ChatError>
  ) -> [Effect] {
    let opened: OpenedSession
    switch result {
    case .success(let value): opened = value
    case .failure(let error):
      notify(&state, "Could not open session \(reference): \(error.userMessage)", .error)
      return []
    }
    let session = opened.session
    let entries = opened.entries
    state.session = session
    state.compare = nil
    state.pendingEdit = nil
    state.transcript.load(entries, sessionTotal: opened.totalCost)
    if let focus = opened.focus, let index = entries.firstIndex(where: { $0.message.id == focus }) {
      // A search hit: its message is selected and in view.
      state.transcript.reveal(index)
      state.transcript.selection = index
      state.focus = .transcript
    }
    state.overrides = .init()
    let last = entries.last { $0.message.agent != nil }?.message
    if let name = last?.agent ?? Optional(session.agent),
      state.agents.contains(where: { $0.name == name })
    {
      state.agentName = name
    }
    if let model = last?.model, model != state.agent?.model {
      state.overrides.model = model
    }
    notify(&state, "Opened \"\(session.title)\"")
    return []
  }

  static func sessionsListed(_ state: inout AppState, _ result: Result<[SessionSummary], ChatError>)
    -> [Effect]
  {
    switch result {
    case .success(let summaries):
      state.sessions.summaries = summaries  // the list windows follow the new counts
    case .failure(let error):
      notify(&state, "Could not list sessions: \(error.userMessage)", .error)
    }
    return []
  }

  /// Search results: one row per session, its newest matching message (the store gives them
  /// newest first).
  static func sessionsSearched(
    _ state: inout AppState, _ query: String, _ result: Result<[MessageSearchHit], ChatError>
  ) -> [Effect] {
    guard query == state.sessions.query.text else { return [] }  // an older query
    switch result {
    case .success(let hits):
      var seen = Set<String>()
      state.sessions.hits = hits.filter { seen.insert($0.sessionID).inserted }
      state.sessions.hitsQuery = query
      state.sessions.cursor = 0
    case .failure(let error):
      notify(&state, "Could not search: \(error.userMessage)", .error)
    }
    return []
  }

  static func sessionRenamed(
    _ state: inout AppState, _ id: String, _ result: Result<String, ChatError>
  )
    -> [Effect]
  {
    switch result {
    case .success(let title):
      if state.session?.id == id { state.session?.title = title }
      return [.listSessions]
    case .failure(let error):
      notify(&state, "Could not rename the session: \(error.userMessage)", .error)
      return []
    }
  }

  static func sessionDeleted(
    _ state: inout AppState, _ id: String, _ result: Result<Void, ChatError>
  )
    -> [Effect]
  {
    if case .failure(let error) = result {
      notify(&state, "Could not delete the session: \(error.userMessage)", .error)
      return []
    }
    state.sessions.summaries.removeAll { $0.session.id == id }
    state.sessions.hits.removeAll { $0.sessionID == id }
    if state.session?.id == id {
      state.session = nil
      state.transcript.load([])
    }
    notify(&state, "Session deleted")
    return [.listSessions]
  }
}
