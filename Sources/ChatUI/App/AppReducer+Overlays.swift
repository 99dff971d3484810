import ChatDomain

extension AppReducer {
  static func handleOverlayKey(_ state: inout AppState, _ overlay: Overlay, _ key: KeyEvent)
    -> [Effect]
  {
    switch overlay {
    case .help:
      switch key.key {
      // Bounded by the window (sized in `syncLists`): past the end, Up scrolls at once.
      case .up, .character("k"): state.helpWindow.scroll(by: -1)
      case .down, .character("j"): state.helpWindow.scroll(by: 1)
      case .pageUp: state.helpWindow.scroll(by: -10)
      case .pageDown: state.helpWindow.scroll(by: 10)
      default: state.overlay = nil
      }
      return []
    case .models:
      return modelPickerKey(&state, key)
    case .agents:
      return agentListKey(&state, key)
    case .sessions:
      return sessionBrowserKey(&state, key)
    case .confirmDelete(let id, _):
      switch key.key {
      case .character("y"), .enter:
        state.overlay = .sessions
        return [.deleteSession(id: id)]
      default:
        state.overlay = .sessions
        return []
      }
    case .confirmAttach(let paths, let pasted):
      return confirmAttachKey(&state, paths: paths, pasted: pasted, key)
    case .confirmUnsupported:
      return confirmUnsupportedKey(&state, key)
    case .prompt(var prompt):
      switch key.key {
      case .escape:
        state.overlay = .sessions
        return []
      case .enter:
        return commitPrompt(&state, prompt)
      default:
        _ = editField(&prompt.answer, key)
        state.overlay = .prompt(prompt)
        return []
      }
    }
  }

  // MARK: - Models

  static func openModelPicker(_ state: inout AppState) -> [Effect] {
    state.overlay = .models
    state.modelPicker.query.clear()
    state.modelPicker.marked = []
    state.modelPicker.refresh(state.catalog, current: state.model)
    return state.catalog == nil ? [.refreshCatalog] : []
  }

  static func modelPickerKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
    var picker = state.modelPicker
    defer { state.modelPicker = picker }
    switch key.key {
    case .escape:
      state.overlay = nil
    case .enter where picker.marked.count >= 2:
      // Marked models: compare them, with the input's text (else the last message again).
      state.overlay = nil
      let text = state.composer.text
      let prompt = text.isBlank || text.hasPrefix("/") ? nil : text
      if prompt != nil, !state.isBusy, state.hasAPIKey { state.composer.commit() }
      let models = picker.marked
      picker.marked = []
      state.modelPicker = picker
      return startCompare(&state, models: models, text: prompt)
    case .enter:
      guard picker.matches.indices.contains(picker.cursor) else { return [] }
      let model = picker.matches[picker.cursor].model
      state.overlay = nil
      picker.marked = []
      selectModel(&state, model.id)
    case .character(" ") where key.modifiers.isEmpty:
      guard picker.matches.indices.contains(picker.cursor) else { return [] }
      let id = picker.matches[picker.cursor].model.id
      if let index = picker.marked.firstIndex(of: id) {
        picker.marked.remove(at: index)
      } else if picker.marked.count < CompareTurn.modelLimit {
        picker.marked.append(id)
      } else {
        notify(&state, "A compare asks at most \(CompareTurn.modelLimit) models", .warning)
        return []
      }
      picker.window.move(by: 1)
      notify(
        &state,
        picker.marked.isEmpty
          ? "No models marked"
          : "Marked \(picker.marked.count): \(picker.marked.joined(separator: ", "))"
            + (picker.marked.count >= 2 ? " (Enter compares them)" : " (mark one more to compare)"))
    case .up: picker.window.move(by: -1)
    case .down: picker.window.move(by: 1)
    case .pageUp: picker.window.move(by: -10)
    case .pageDown: picker.window.move(by: 10)
    case .tab:
      let all = ModelPickerState.Capability.allCases
      let index = all.firstIndex(of: picker.capability) ?? 0
      let step = key.modifiers.contains(.shift) ? all.count - 1 : 1
      picker.capability = all[(index + step) % all.count]
      picker.refresh(state.catalog, current: state.model)
    case .character("r") where key.modifiers == .control:
      return [.refreshCatalog]
    default:
      if editField(&picker.query, key) { picker.refresh(state.catalog, current: state.model) }
    }
    return []
  }

  /// Uses `id` for this session's next messages.
  static func selectModel(_ state: inout AppState, _ id: String) {
    state.overrides.model = id == state.agent?.model ? nil : id
    state.overrides.fallbackModels = nil
    var note = "Model: \(id), from the next message"
    if state.catalog != nil, state.catalog?.model(id: id) == nil {
      note += " (not in the catalog: check the id)"
    }
    notify(
      &state, note, state.catalog?.model(id: id) == nil && state.catalog != nil ? .warning : .info)
  }

  // MARK: - Agents

  static func agentListKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
    switch key.key {
    case .escape:
      state.overlay = nil
      state.focus = .composer
    case .up, .character("k"): state.agentWindow.move(by: -1)
    case .down, .character("j"): state.agentWindow.move(by: 1)
    case .enter:
      guard state.agents.indices.contains(state.agentCursor) else { return [] }
      selectAgent(&state, state.agents[state.agentCursor].name)
      state.overlay = nil
      state.focus = .composer
    default:
      break
    }
    return []
  }

  /// Switches to agent `name` from the next message on; its model and settings take over,
  /// except the session's web search switch (`/web`), which stays as the user set it.
  static func selectAgent(_ state: inout AppState, _ name: String) {
    guard let agent = state.agents.first(where: { $0.name == name }) else {
      let names = state.agents.map(\.name).joined(separator: ", ")
      notify(&state, "No agent \"\(name)\" (agents: \(names))", .warning)
      return
    }
    let search = state.overrides.webSearch
    state.agentName = agent.name
    state.overrides = ConversationOverrides(webSearch: search)
    notify(&state, "Agent: \(agent.name) (\(agent.model)), from the next message")
  }

  // MARK: - Prompts

  static func commitPrompt(_ state: inout AppState, _ prompt: PromptState) -> [Effect] {
    let answer = prompt.answer.text.trimmingCharacters(in: .whitespaces)
    state.overlay = .sessions
    guard !answer.isEmpty else { return [] }
    switch prompt.purpose {
    case .rename(let id):
      return [.renameSession(id: id, title: answer)]
    case .export(let id, let format):
      return [.exportSession(id: id, format: format, path: answer)]
    }
  }
}
