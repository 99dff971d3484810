import ChatDomain
import Formatting

extension AppReducer {
  static func transcriptCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
    switch command {
    case .top:
      state.transcript.scrollToTop()
    case .bottom:
      state.transcript.followTail()
    case .selectPrevious:
      moveSelection(&state, by: -1)
    case .selectNext:
      moveSelection(&state, by: 1)
    case .toggleReasoning:
      if let effects = openSelectedAttachment(&state) { return effects }
      if let index = selectedOrLastReply(state) { state.transcript.toggleReasoning(at: index) }
    case .regenerate:
      return regenerate(&state)
    case .edit:
      return editLastMessage(&state)
    case .copy:
      return copyMessage(&state)
    case .previousVariant:
      return switchVariant(&state, by: -1)
    case .nextVariant:
      return switchVariant(&state, by: 1)
    default:
      break
    }
    return []
  }

  /// Moves the selection one step through the transcript, top to bottom as it reads: a
  /// message, its attachment chips (below its text), then its sources (below the chips,
  /// under a reply that cites any), then the next message. From no selection, Up picks the
  /// lowest of these places and Down the last message itself.
  static func moveSelection(_ state: inout AppState, by step: Int) {
    let items = state.transcript.items
    guard !items.isEmpty else { return }
    // Every place the selection can be, top to bottom.
    var places: [(item: Int, chip: Int?, source: Int?)] = []
    for (index, item) in items.enumerated() {
      places.append((index, nil, nil))
      places += item.message.attachments.indices.map { (index, $0, nil) }
      places += item.sources.indices.map { (index, nil, $0) }
    }
    let transcript = state.transcript
    let current = transcript.selection.flatMap { selected in
      places.firstIndex {
        $0.item == selected && $0.chip == transcript.selectedAttachment
          && $0.source == transcript.sourceSelection
      }
    }
    let target: (item: Int, chip: Int?, source: Int?)
    if let current {
      target = places[max(0, min(places.count - 1, current + step))]
    } else {
      target = step < 0 ? places[places.count - 1] : (items.count - 1, nil, nil)
    }
    state.transcript.selection = target.item
    state.transcript.selectedAttachment = target.chip
    state.transcript.sourceSelection = target.source
  }

  /// The selected source of the selected message, when one is picked.
  static func selectedSource(_ state: AppState) -> SourceLine? {
    guard let item = state.transcript.selection, let source = state.transcript.sourceSelection,
      state.transcript.items.indices.contains(item)
    else { return nil }
    let sources = state.transcript.items[item].sources
    return sources.indices.contains(source) ? sources[source] : nil
  }

  /// The selected message, else the last reply.
  static func selectedOrLastReply(_ state: AppState) -> Int? {
    if let selection = state.transcript.selection, state.transcript.items.indices.contains(selection) {
      return selection
    }
    return state.transcript.items.lastIndex { $0.message.role == .assistant }
  }

  /// Puts the last user message back in the input, to edit and send again.
  static func editLastMessage(_ state: inout AppState) -> [Effect] {
    guard let last = state.transcript.items.last(where: { $0.message.role == .user }) else {
      notify(&state, "No message to edit yet")
      return []
    }
    state.composer.set(last.message.content)
    state.focus = .composer
    notify(&state, "Editing your last message: Enter sends it again")
    return []
  }

  /// Copies the URL of the selected source, else the raw markdown of the selected message
  /// (else the last reply), without control characters: pasted into a terminal from the
  /// clipboard, it can hold no escape sequence (no bracketed-paste end `ESC [ 201 ~` that
  /// would type the rest as keys).
  static func copyMessage(_ state: inout AppState) -> [Effect] {
    if let source = selectedSource(state) {
      return [.copy(source.url, description: "the link of source \(source.number)")]
    }
    guard let index = selectedOrLastReply(state) else {
      notify(&state, "Nothing to copy yet")
      return []
    }
    let message = state.transcript.items[index].message
    let who = message.role == .user ? "your message" : "the reply"
    return [.copy(TextSanitizer.removingControlCharacters(message.content), description: who)]
  }

  /// Copies code block `number` of the selected message (else the last reply).
  static func copyCodeBlock(_ state: inout AppState, number: Int) -> [Effect] {
    guard let index = selectedOrLastReply(state) else {
      notify(&state, "Nothing to copy yet")
      return []
    }
    state.transcript.items[index].layOut(width: state.transcript.width)
    guard let code = state.transcript.items[index].codeBlock(number) else {
      notify(&state, "That message has no code block \(number)", .warning)
      return []
    }
    return [
      .copy(TextSanitizer.removingControlCharacters(code), description: "code block \(number)")
    ]
  }

  /// Shows the previous or next variant of the selected (else last) reply.
  static func switchVariant(_ state: inout AppState, by step: Int) -> [Effect] {
    guard let index = selectedOrLastReply(state) else { return [] }
    let item = state.transcript.items[index]
    guard item.message.role == .assistant, item.variantCount > 1 else {
      notify(&state, "This reply has no other variants (r regenerates)")
      return []
    }
    guard !state.completion.isBusy else { return [] }
    let all = (item.otherVariants + [item.message]).sorted { $0.createdAt < $1.createdAt }
    let target = (item.variantNumber - 1 + step + all.count) % all.count
    var chosen = all[target]
    chosen.isSelected = true
    let others = all.filter { $0.id != chosen.id }
    state.transcript.replace(chosen, otherVariants: others)
    return [.selectVariant(messageID: chosen.id)]
  }
}
