import ChatDomain
import ChatUI
import Formatting

/// The input box: the text wrapped to the box, scrolled to keep the cursor in view.
enum ComposerView {
  /// Draws the box; returns where the terminal cursor goes when the input has the focus.
  @discardableResult
  static func draw(_ state: AppState, layout: ScreenLayout, on grid: inout CellGrid) -> Position? {
    var hint: String
    switch state.completion {
    case .idle: hint = "Enter send · Alt-Enter newline"
    case .cancelling: hint = "stopping…"
    default: hint = "Enter queue · Esc stop"
    }
    if state.compare?.isRunning == true { hint = "Enter queue · Esc stop all" }
    if let edit = state.pendingEdit {
      hint = "editing \(edit.number): Enter branches · Esc cancels"
    }
    let queued = state.queuedPrompts.isEmpty ? "" : "\(state.queuedPrompts.count) queued · "
    let chord =
      state.pendingKeys.isEmpty
      ? "" : state.pendingKeys.map(\.description).joined(separator: " ") + " … · "
    let isFocused = state.focus == .composer && state.overlay == nil
    var title = "Message"
    if !state.pendingAttachments.isEmpty {
      let count = state.pendingAttachments.count
      title += " · \(count) file\(count == 1 ? "" : "s")"
      let tokens = state.pendingAttachments.reduce(0) {
        $0 + AttachmentEstimate.tokens($1.attachment)
      }
      title += " ≈ \(Format.tokens(tokens)) tok"
      if let cost = state.pendingAttachmentCost { title += " ≈ \(Format.cost(cost))" }
    } else if state.readingAttachments > 0 {
      title += " · reading files…"
    }
    BoxView.draw(
      layout.composerBox, title: title, rightTitle: chord + queued + hint, isFocused: isFocused,
      on: &grid)
    let chipArea = layout.attachmentRows
    if !chipArea.isEmpty {
      var lines = AttachmentChip.lines(
        state.pendingAttachments.map(\.attachment), width: chipArea.width)
      if lines.count > chipArea.height {
        let hidden = lines.count - chipArea.height + 1
        lines =
          Array(lines.prefix(chipArea.height - 1)) + [
            "+\(hidden) more lines of files (/detach N removes one)"
          ]
      }
      for (offset, line) in lines.prefix(chipArea.height).enumerated() {
        BoxView.text(
          line, x: chipArea.x, y: chipArea.y + offset, limit: chipArea.width, role: .muted,
          on: &grid)
      }
    }
    let area = layout.composerText
    guard !area.isEmpty else { return nil }
    let wrapped = state.composer.rows(width: area.width)
    let first = max(0, wrapped.cursorRow - area.height + 1)
    for (offset, row) in wrapped.rows.dropFirst(first).prefix(area.height).enumerated() {
      grid.put(row.text, x: area.x, y: area.y + offset, role: .base, clip: area)
    }
    if state.composer.isEmpty, !isFocused {
      grid.put("Tab or click here to type", x: area.x, y: area.y, role: .muted, clip: area)
    }
    guard isFocused else { return nil }
    let cursor = Position(
      x: area.x + min(wrapped.cursorColumn, area.width - 1), y: area.y + wrapped.cursorRow - first)
    guard state.isBusy else { return cursor }
    // While a reply streams the terminal's cursor stays hidden where the text is written, so
    // each token costs no cursor moves; the input shows a drawn cursor instead.
    let under = grid[cursor.x, cursor.y]
    let isWide = cursor.x + 1 < grid.width && grid[cursor.x + 1, cursor.y].isContinuation
    grid.put(
      Glyph(under.text.isEmpty ? " " : under.text, width: isWide ? 2 : 1), x: cursor.x, y: cursor.y,
      role: .cursor)
    return nil
  }
}
