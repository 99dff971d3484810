import Formatting

extension AppReducer {
  static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
    if state.isQuitArmed, key != .control("c") { state.isQuitArmed = false }
    // Suspending works everywhere, overlays and half-typed chords included, as the shell's
    // Ctrl-Z does.
    if state.keyMap.match([key], in: .global) == .command(.suspend) {
      state.pendingKeys = []
      return [.suspend]
    }
    if let overlay = state.overlay {
      if key == .control("c") { return run(.quit, &state) }
      return handleOverlayKey(&state, overlay, key)
    }
    if state.focus == .composer, key.key == .tab, key.modifiers.isEmpty,
      state.composer.text.hasPrefix("/"), state.composer.isOnFirstLine
    {
      return completeSlashCommand(&state)
    }
    // Backspace at the very start of the input takes the last attachment off.
    if state.focus == .composer, key.key == .backspace, key.modifiers.isEmpty,
      state.composer.row == 0, state.composer.column == 0, !state.pendingAttachments.isEmpty
    {
      removeLastAttachment(&state)
      return []
    }
    let context =
      state.compare != nil && state.focus == .transcript ? .compare : keyContext(for: state.focus)
    let keys = state.pendingKeys + [key]
    switch state.keyMap.match(keys, in: context) {
    case .command(let command):
      state.pendingKeys = []
      return run(command, &state)
    case .prefix:
      state.pendingKeys = keys
      return []
    case .none:
      let wasChord = !state.pendingKeys.isEmpty
      state.pendingKeys = []
      if wasChord, case .command(let command) = state.keyMap.match([key], in: context) {
        return run(command, &state)
      }
    }
    switch state.focus {
    case .composer:
      editComposer(&state, key)
      return []
    case .transcript:
      if case .character = key.key, key.modifiers.isEmpty {
        // Typing while reading goes to the input: nothing typed is lost.
        state.focus = .composer
        editComposer(&state, key)
      }
      return []
    case .agents, .sessions:
      // The side lists take no text: the help key of the reading context works there,
      // and other typing goes to the input as it does from the transcript.
      if state.keyMap.match([key], in: .transcript) == .command(.help) {
        return run(.help, &state)
      }
      if case .character(let character) = key.key, key.modifiers.isEmpty,
        character != "j", character != "k"
      {
        state.focus = .composer
        editComposer(&state, key)
        return []
      }
      return state.focus == .agents ? agentListKey(&state, key) : sideSessionsKey(&state, key)
    }
  }

  static func keyContext(for focus: Focus) -> KeyContext {
    switch focus {
    case .composer: .composer
    case .transcript: .transcript
    case .agents, .sessions: .global
    }
  }

  /// Runs a command of the key map.
  static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
    switch command {
    case .submit: return submit(&state)
    case .newline:
      state.composer.insertNewline()
      return []
    case .editor: return [.openEditor(state.composer.text)]
    case .cancel: return escape(&state)
    case .quit: return quit(&state)
    case .suspend: return [.suspend]
    case .help:
      state.overlay = .help
      state.helpWindow.reset()
      return []
    case .focusNext:
      state.focus = nextFocus(state, forward: true)
      return []
    case .focusPrevious:
      state.focus = nextFocus(state, forward: false)
      return []
    case .models: return openModelPicker(&state)
    case .agents:
      let current = state.agents.firstIndex { $0.name == state.agentName } ?? 0
      if state.layout.hasSideColumn {
        // The side list stays on screen: it scrolls only as far as shows the agent.
        state.focus = .agents
        state.agentWindow.move(to: current)
      } else {
        // The overlay is shown afresh, scrolled from the top.
        state.overlay = .agents
        state.agentWindow.reset(cursor: current)
      }
      return []
    case .sessions: return openSessionBrowser(&state, query: nil)
    case .newSession: return newSession(&state)
    case .pageUp:
      if state.compare != nil { return compareCommand(.pageUp, &state) }
      state.transcript.scroll(by: -max(1, state.transcript.height - 2))
      return []
    case .pageDown:
      if state.compare != nil { return compareCommand(.pageDown, &state) }
      state.transcript.scroll(by: max(1, state.transcript.height - 2))
      return []
    default:
      return transcriptCommand(command, &state)
    }
  }

  /// Esc: stop the reply (every reply of a compare); else drop a pending edit, or leave a
  /// finished compare from its pane (keeping the first finished reply); else leave the input
  /// (or go back to it), dismissing the banner.
  static func escape(_ state: inout AppState) -> [Effect] {
    if state.isBusy { return cancel(&state) }
    if state.pendingEdit != nil, state.focus == .composer {
      state.pendingEdit = nil
      notify(&state, "Edit cancelled: Enter now sends the text as a new message")
      return []
    }
    if state.compare != nil, state.focus == .transcript { return escapeCompare(&state) }
    state.banner = nil
    state.focus = state.focus == .composer ? .transcript : .composer
    return []
  }

  /// Ctrl-C: the first stops a reply (or arms), the second quits.
  static func quit(_ state: inout AppState) -> [Effect] {
    if state.isQuitArmed {
      state.isQuitting = true
      return [.quit]
    }
    if state.isBusy {
      state.isQuitArmed = true
      let effects = cancel(&state)
      notify(&state, "Stopped the reply. Press Ctrl-C again to quit")
      return effects
    }
    state.isQuitArmed = true
    notify(&state, "Press Ctrl-C again to quit")
    return []
  }

  static func nextFocus(_ state: AppState, forward: Bool) -> Focus {
    var order: [Focus] = [.composer, .transcript]
    if state.layout.hasSideColumn { order += [.agents, .sessions] }
    let index = order.firstIndex(of: state.focus) ?? 0
    let step = forward ? 1 : order.count - 1
    return order[(index + step) % order.count]
  }

  static func newSession(_ state: inout AppState) -> [Effect] {
    guard !state.isBusy else {
      notify(&state, "A reply is streaming: stop it with Esc first", .warning)
      return []
    }
    let effects = leaveCompare(&state)
    state.pendingEdit = nil
    state.session = nil
    state.overrides = .init()
    state.transcript.load([])
    state.overlay = nil
    state.focus = .composer
    notify(&state, "New session")
    return effects
  }

  /// A paste inserts text only: escape sequences, control characters (but newlines and
  /// tabs), bidi controls and invisible characters in it are dropped (`TextSanitizer`), so
  /// pasted bytes can neither act as keys nor hide in the message.
  static func handlePaste(_ state: inout AppState, _ pasted: String) -> [Effect] {
    let text = TextSanitizer.sanitize(pasted)
    switch state.overlay {
    case .models:
      state.modelPicker.query.insert(text.replacingOccurrences(of: "\n", with: " "))
      state.modelPicker.refresh(state.catalog, current: state.model)
      return []
    case .sessions:
      state.sessions.isEditingQuery = true
      state.sessions.query.insert(text.replacingOccurrences(of: "\n", with: " "))
      return [.searchSessions(state.sessions.query.text)]
    case .prompt(var prompt):
      prompt.answer.insert(text.replacingOccurrences(of: "\n", with: " "))
      state.overlay = .prompt(prompt)
      return []
    case .help, .agents, .confirmDelete, .confirmAttach, .confirmUnsupported:
      return []
    case nil:
      // A paste never sends: it lands in the input, line breaks and all. A paste of nothing
      // but file paths (files dropped on the terminal) may be attachments: the runner checks
      // that they are files, then the app asks.
      if let paths = PathArguments.pastedPaths(text), !state.composer.text.hasPrefix("/") {
        return [.checkPastedPaths(text: text, paths: paths)]
      }
      insertPaste(&state, text)
      return []
    }
  }
}
