extension ComposerState {
  /// Records a sent prompt (consecutive duplicates are kept once) and empties the editor.
  public mutating func commit() {
    let sent = text
    clear()
    guard !sent.allSatisfy(\.isWhitespace) else { return }
    var history = self.history
    if history.last != sent { history.append(sent) }
    if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
    self = ComposerState(text: "", history: history)
  }

  /// Shows the previous prompt of the history (Up on the first line). The draft being typed
  /// is kept and comes back after the newest entry.
  /// - Returns: whether anything changed.
  @discardableResult
  public mutating func showPreviousHistoryEntry() -> Bool {
    guard !history.isEmpty else { return false }
    let next: Int
    switch browsingIndex {
    case nil:
      draftForHistory = text
      next = history.count - 1
    case let index?:
      guard index > 0 else { return false }
      next = index - 1
    }
    browsingIndex = next
    set(history[next])
    return true
  }

  /// Shows the next, newer prompt (Down on the last line), then the saved draft.
  @discardableResult
  public mutating func showNextHistoryEntry() -> Bool {
    guard let index = browsingIndex else { return false }
    if index + 1 < history.count {
      browsingIndex = index + 1
      set(history[index + 1])
    } else {
      let draft = draftForHistory ?? ""
      browsingIndex = nil
      draftForHistory = nil
      set(draft)
    }
    return true
  }
}
