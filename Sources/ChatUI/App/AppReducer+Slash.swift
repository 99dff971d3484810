import ChatDomain
import Foundation

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
      let resolved =
        state.catalog?.model(id: id)?.id ?? state.catalog?.search(id).first?.model.id ?? id
      selectModel(&state, resolved)
    case .agent(nil): return run(.agents, &state)
    case .agent(let name?): selectAgent(&state, name)
    case .new: return newSession(&state)
    case .sessions: return openSessionBrowser(&state, query: nil)
    case .search(let query): return openSessionBrowser(&state, query: query)
    case .retry: return regenerate(&state)
    case .edit: return editMessage(&state, at: nil)
    case .compare(let models, let prompt):
      let resolved = models.map { state.catalog?.model(id: $0)?.id ?? $0 }
      return startCompare(&state, models: resolved, text: prompt)
    case .keep(let number):
      guard state.compare != nil else {
        notify(&state, "No compare to keep a reply of: /compare MODEL MODEL first", .warning)
        return []
      }
      return keep(&state, number - 1)
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
      notify(
        &state, text == nil ? "System prompt: the agent's" : "System prompt set for this session")
    case .temperature(let value):
      state.overrides.temperature = value
      notify(
        &state, value.map { "Temperature: \($0) for this session" } ?? "Temperature: the agent's")
    case .attach(let argument): return attach(&state, argument)
    case .detach(let number): return detach(&state, number)
    case .web(let on):
      let turnOn = on ?? !state.isWebSearchOn
      // Back to the agent's own setting when that is what was asked for.
      state.overrides.webSearch = turnOn == (state.agent?.webSearch != nil) ? nil : turnOn
      notify(
        &state,
        turnOn
          ? "Web search on for this session: the model may search (each search costs extra)"
          : "Web search off for this session")
    case .provider:
      state.banner = Banner(
        providerSummary(state), kind: .info, expiresAt: state.now + 12)
    case .help:
      state.overlay = .help
    case .quit:
      state.isQuitting = true
      return cancel(&state) + [.quit]
    }
    return []
  }

  /// What `/provider` says: the routing the next message is sent with (the agent's,
  /// `config.toml`'s under it), in words.
  static func providerSummary(_ state: AppState) -> String {
    let model = state.model ?? "the model"
    var head = "Next message to \(model)"
    if let model = state.model, ModelID.isPreset(model) {
      head += " (the preset's own routing applies too)"
    }
    guard let routing = state.agent?.provider, !routing.isEmpty else {
      return head + ": OpenRouter's default routing (providers weighed by price, with fallbacks)"
    }
    var parts: [String] = []
    if let only = routing.only { parts.append("only " + only.joined(separator: ", ")) }
    if let order = routing.order { parts.append("order " + order.joined(separator: " › ")) }
    if let ignore = routing.ignore { parts.append("never " + ignore.joined(separator: ", ")) }
    if let sort = routing.sort { parts.append("fastest or cheapest by \(sort)") }
    if routing.allowFallbacks == false { parts.append("no other providers") }
    if routing.allowFallbacks == true { parts.append("other providers allowed") }
    if routing.zdr == true { parts.append("zero data retention only") }
    if routing.dataCollection == "deny" { parts.append("no providers that keep prompts") }
    if routing.dataCollection == "allow" { parts.append("providers that keep prompts allowed") }
    if routing.requireParameters == true { parts.append("only providers supporting every setting") }
    if let levels = routing.quantizations {
      parts.append("quantizations " + levels.joined(separator: ", "))
    }
    if let price = routing.maxPrice {
      let caps = [
        price.prompt.map { "input ≤ $\(Self.priceText($0))/M" },
        price.completion.map { "output ≤ $\(Self.priceText($0))/M" },
      ].compactMap { $0 }
      parts.append(caps.joined(separator: ", "))
    }
    return head + ": " + parts.joined(separator: " · ")
  }

  private static func priceText(_ value: Double) -> String {
    value.rounded() == value ? String(Int(value)) : String(value)
  }

  /// Tab in an input that starts with `/`: completes the command name, or its model, agent,
  /// theme, `on`/`off` or path argument (paths are listed by the runner: `completePath`).
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
    case "compare":
      // The word being typed, after the models already given.
      let words = body[body.index(after: space)...].split(
        separator: " ", omittingEmptySubsequences: false)
      let typed = String(words.last ?? "")
      guard !typed.isEmpty else { return [] }
      let matches = (state.catalog?.search(typed) ?? []).prefix(8).map(\.model.id)
      guard let first = matches.first else { return [] }
      state.composer.set(
        "/compare " + (words.dropLast() + [Substring(first)]).joined(separator: " "))
      if matches.count > 1 { notify(&state, matches.joined(separator: "  ")) }
      return []
    case "agent":
      candidates = state.agents.map(\.name).filter { $0.hasPrefix(argument) }
    case "theme":
      candidates = state.availableThemes.filter { $0.hasPrefix(argument) }
    case "export":
      candidates = ExportFormat.allCases.map(\.rawValue).filter { $0.hasPrefix(argument) }
    case "web":
      candidates = ["on", "off"].filter { $0.hasPrefix(argument) }
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
