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
      return regenerate(&state, replyID: selectedMessage(state)?.id)
    case .edit:
      return editMessage(&state, at: state.transcript.selection)
    case .copy:
      return copyMessage(&state)
    case .previousVariant:
      return switchVariant(&state, by: -1)
    case .nextVariant:
      return switchVariant(&state, by: 1)
    case .previousColumn, .nextColumn, .column1, .column2, .column3, .column4, .stopColumn,
      .keepColumn, .columnUp, .columnDown, .columnTop, .columnBottom:
      return compareCommand(command, &state)
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
    if let selection = state.transcript.selection,
      state.transcript.items.indices.contains(selection)
    {
      return selection
    }
    return state.transcript.items.lastIndex { $0.message.role == .assistant }
  }

  /// The message selected in the transcript, if any.
  static func selectedMessage(_ state: AppState) -> Message? {
    guard let selection = state.transcript.selection,
      state.transcript.items.indices.contains(selection)
    else { return nil }
    return state.transcript.items[selection].message
  }

  /// Puts one of your messages (item `index`, else your last) in the input: sending it puts
  /// the new text in its place, a new branch; the old message stays, with what followed it.
  static func editMessage(_ state: inout AppState, at index: Int?) -> [Effect] {
    let items = state.transcript.items
    let target: Int
    if let index, items.indices.contains(index) {
      guard items[index].message.role == .user else {
        notify(&state, "Select one of your messages to edit it (r asks again for a reply)")
        return []
      }
      target = index
    } else {
      guard let last = items.lastIndex(where: { $0.message.role == .user }) else {
        notify(&state, "No message to edit yet")
        return []
      }
      target = last
    }
    guard state.compare?.isRunning != true else {
      notify(&state, "A compare is running: keep a reply or stop it (Esc) first", .warning)
      return []
    }
    let effects = leaveCompare(&state)
    let message = state.transcript.items[target].message
    state.composer.set(message.content)
    state.focus = .composer
    state.pendingEdit = PendingEdit(messageID: message.id, number: target + 1)
    notify(
      &state,
      "Editing message \(target + 1): Enter sends it as a new branch (the old one is kept); "
        + "Esc cancels")
    return effects
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

  /// Shows the previous or next variant of the selected message (else the last reply): a
  /// regenerated or compared reply, or another branch of an edited message. The message
  /// switches at once; what follows it comes from the store (`.branchSwitched`), the branch
  /// as it was left.
  static func switchVariant(_ state: inout AppState, by step: Int) -> [Effect] {
    guard let index = selectedOrLastReply(state) else { return [] }
    let item = state.transcript.items[index]
    guard item.variantCount > 1 else {
      let hint = item.message.role == .user ? "e edits it into a new branch" : "r regenerates"
      notify(&state, "This message has no other variants (\(hint))")
      return []
    }
    guard !state.isBusy else { return [] }
    let all = (item.otherVariants + [item.message]).sorted { $0.createdAt < $1.createdAt }
    let target = (item.variantNumber - 1 + step + all.count) % all.count
    var chosen = all[target]
    chosen.isSelected = true
    let others = all.filter { $0.id != chosen.id }
    state.transcript.replace(chosen, otherVariants: others)
    return [.switchBranch(messageID: chosen.id)]
  }

  /// The store has the branch through `messageID` selected: the items after it become
  /// that branch's. An answer for a variant no longer shown (switched again since) is left
  /// for the later answer.
  static func branchSwitched(
    _ state: inout AppState, _ messageID: String, _ result: Result<[TranscriptEntry], ChatError>
  ) -> [Effect] {
    let entries: [TranscriptEntry]
    switch result {
    case .success(let value): entries = value
    case .failure(let error):
      notify(&state, "Could not switch branches: \(error.userMessage)", .error)
      return []
    }
    guard let index = entries.firstIndex(where: { $0.message.id == messageID }),
      state.transcript.items.indices.contains(index),
      state.transcript.items[index].message.id == messageID, !state.isBusy
    else { return [] }
    state.transcript.replaceItems(from: index + 1, with: entries[(index + 1)...])
    return []
  }
}
