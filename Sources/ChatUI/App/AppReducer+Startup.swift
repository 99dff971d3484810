import ChatDomain

extension AppReducer {
  /// The first action: says what went wrong reading files, applies `--model`, and asks for the
  /// history, the catalog, the credits and the session to open.
  static func appStarted(_ state: inout AppState, _ launch: Launch) -> [Effect] {
    var problems = launch.problems.map(describe)
    if let agent = launch.agent, !state.agents.contains(where: { $0.name == agent }) {
      problems.insert("No agent \"\(agent)\"; using \(state.agentName)", at: 0)
    }
    if let model = launch.model { state.overrides.model = model }
    if let first = problems.first {
      let more = problems.count > 1 ? " (+\(problems.count - 1) more)" : ""
      state.banner = Banner(first + more, kind: .warning)
    }
    var effects: [Effect] = [.listSessions, .loadCatalog]
    if state.hasAPIKey { effects.append(.loadCredits) }
    if let session = launch.session { effects.append(.openSession(session)) }
    return effects
  }

  static func describe(_ problem: StartupProblem) -> String {
    switch problem {
    case .config(let error): error.userMessage + " (using the defaults)"
    case .agentFile(let error): error.userMessage
    case .theme(let error): error.userMessage
    case .keyBinding(let text): text
    }
  }

  static func catalogLoaded(_ state: inout AppState, _ catalog: ModelCatalog) {
    state.catalog = catalog
    if state.overlay == .models { state.modelPicker.refresh(catalog, current: state.model) }
  }

  static func catalogRefreshed(_ state: inout AppState, _ result: Result<ModelCatalog, ChatError>)
    -> [Effect]
  {
    switch result {
    case .success(let catalog):
      catalogLoaded(&state, catalog)
      notify(&state, "Model list refreshed: \(catalog.models.count) models")
    case .failure(let error):
      notify(&state, "Could not refresh the models: \(error.userMessage)", .error)
    }
    return []
  }

  static func editorFinished(_ state: inout AppState, _ result: Result<String?, EditorFailure>)
    -> [Effect]
  {
    switch result {
    case .success(let text):
      if let text { state.composer.set(text.trimmingTrailingNewlines) }
      state.focus = .composer
    case .failure(.cannotWriteDraft(let path, let reason)):
      notify(&state, "Could not write \(path): \(reason)", .error)
    case .failure(.cannotStart(let editor, let reason)):
      notify(&state, "Could not start the editor \(editor): \(reason)", .error)
    case .failure(.failed(let editor, let status)):
      notify(
        &state, "The editor \(editor) exited with status \(status); the message is unchanged",
        .error)
    }
    return []
  }
}
