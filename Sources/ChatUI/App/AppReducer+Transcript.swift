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

  /// Moves the selection one message, or one attachment chip, up or down: a message's
  /// chips (below its text) are stops between it and the next message.
  static func moveSelection(_ state: inout AppState, by step: Int) {
    let items = state.transcript.items
    let count = items.count
    guard count > 0 else { return }
    func chips(_ index: Int) -> Int { items[index].message.attachments.count }
    guard let item = state.transcript.selection, items.indices.contains(item) else {
      // From nothing: the last message (Up lands on its last chip, as it sits lowest).
      state.transcript.selection = count - 1
      if step < 0, chips(count - 1) > 0 { state.transcript.selectedAttachment = chips(count - 1) - 1 }
      return
    }
    let chip = state.transcript.selectedAttachment
    if step < 0 {
      if let chip {
        state.transcript.selectedAttachment = chip > 0 ? chip - 1 : nil
      } else if item > 0 {
        state.transcript.selection = item - 1
        if chips(item - 1) > 0 { state.transcript.selectedAttachment = chips(item - 1) - 1 }
      }
    } else {
      let next = (chip ?? -1) + 1
      if next < chips(item) {
        state.transcript.selectedAttachment = next
      } else if item + 1 < count {
        state.transcript.selection = item + 1
      }
    }
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

  /// Copies the raw markdown of the selected message (else the last reply), without control
  /// characters: pasted into a terminal from the clipboard, it can hold no escape sequence
  /// (no bracketed-paste end `ESC [ 201 ~` that would type the rest as keys).
  static func copyMessage(_ state: inout AppState) -> [Effect] {
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
