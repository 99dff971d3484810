import ChatDomain

extension AppReducer {
  static func slashCommand(_ state: inout AppState, _ text: String) -> [Effect] {
    let command: SlashCommand
    switch SlashCommand.parse(text) {
    case .success(let parsed): command = parsed
    case .failure(let error):
      notify(&state, error.description, .warning)
      return []
    }
    state.composer.commit()
    switch command {
    case .model(nil): return openModelPicker(&state)
    case .model(let id?):
      let resolved = state.catalog?.model(id: id)?.id ?? state.catalog?.search(id).first?.model.id ?? id
      selectModel(&state, resolved)
    case .agent(nil): return run(.agents, &state)
    case .agent(let name?): selectAgent(&state, name)
    case .new: return newSession(&state)
    case .sessions: return openSessionBrowser(&state, query: nil)
    case .search(let query): return openSessionBrowser(&state, query: query)
    case .retry: return regenerate(&state)
    case .edit: return editLastMessage(&state)
    case .copy(nil): return copyMessage(&state)
    case .copy(let number?): return copyCodeBlock(&state, number: number)
    case .export(let format, let path):
      guard let session = state.session else {
        notify(&state, "Nothing to export yet: send a message first")
        return []
      }
      let target = path ?? defaultExportPath(title: session.title, format: format)
      return [.exportSession(id: session.id, format: format, path: target)]
    case .title(let title):
      guard let session = state.session else {
        notify(&state, "Send a message first: the session starts with it")
        return []
      }
      return [.renameSession(id: session.id, title: title)]
    case .theme(nil):
      notify(&state, "Themes: " + state.availableThemes.joined(separator: ", "))
    case .theme(let name?): return [.changeTheme(name)]
    case .system(let text):
      state.overrides.systemPrompt = text
      notify(&state, text == nil ? "System prompt: the agent's" : "System prompt set for this session")
    case .temperature(let value):
      state.overrides.temperature = value
      notify(&state, value.map { "Temperature: \($0) for this session" } ?? "Temperature: the agent's")
    case .attach(let argument): return attach(&state, argument)
    case .detach(let number): return detach(&state, number)
    case .help:
      state.overlay = .help
    case .quit:
      state.isQuitting = true
      return cancel(&state) + [.quit]
    }
    return []
  }

  /// Tab in an input that starts with `/`: completes the command name, or its model, agent,
  /// theme or path argument (paths are listed by the runner: `completePath`).
  static func completeSlashCommand(_ state: inout AppState) -> [Effect] {
    let text = state.composer.text
    let body = text.dropFirst()
    guard let space = body.firstIndex(of: " ") else {
      let prefix = body.lowercased()
      let candidates = SlashCommand.names.filter { $0.hasPrefix(prefix) }
      if candidates.count == 1, let only = candidates.first {
        state.composer.set("/\(only) ")
      } else if !candidates.isEmpty {
        let common = commonPrefix(candidates)
        if common.count > prefix.count { state.composer.set("/" + common) }
        notify(&state, candidates.map { "/" + $0 }.joined(separator: "  "))
      }
      return []
    }
    let name = body[..<space].lowercased()
    let argument = body[body.index(after: space)...].trimmingCharacters(in: .whitespaces)
    if name == "attach" {
      return [.completePath(input: text, word: PathArguments.lastWord(text).word)]
    }
    let candidates: [String]
    switch name {
    case "model":
      candidates = (state.catalog?.search(argument) ?? []).prefix(8).map(\.model.id)
    case "agent":
      candidates = state.agents.map(\.name).filter { $0.hasPrefix(argument) }
    case "theme":
      candidates = state.availableThemes.filter { $0.hasPrefix(argument) }
    case "export":
      candidates = ExportFormat.allCases.map(\.rawValue).filter { $0.hasPrefix(argument) }
    default:
      candidates = []
    }
    guard let first = candidates.first else { return [] }
    if candidates.count == 1 || name == "model" {
      state.composer.set("/\(name) \(first)")
    }
    if candidates.count > 1 { notify(&state, candidates.joined(separator: "  ")) }
    return []
  }

  static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first else { return "" }
    for word in words.dropFirst() {
      while !word.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }
}
