import ChatDomain
import ChatUI

/// The transcript box: the visible rows of the messages, the "↓ N new lines" badge, and a
/// welcome text in an empty session.
enum TranscriptView {
  static func draw(
    _ state: AppState, layout: ScreenLayout, on grid: inout CellGrid, cache: LineRowCache?
  ) {
    let title = state.session?.title ?? "new session"
    BoxView.draw(
      layout.transcriptBox, title: "orchat · \(title)", isFocused: state.focus == .transcript,
      on: &grid)
    let area = layout.transcriptText
    guard !area.isEmpty else { return }
    if state.transcript.items.isEmpty {
      drawWelcome(state, in: area, on: &grid)
      return
    }
    var y = area.y
    for row in state.transcript.visibleRows() {
      drawRow(row.line, item: row.item, state: state, y: y, in: area, on: &grid, cache: cache)
      y += 1
    }
    let newLines = state.transcript.newLinesBelow
    if newLines > 0 {
      let badge = " ↓ \(newLines) new line\(newLines == 1 ? "" : "s") "
      let width = DisplayWidth.width(of: badge)
      grid.put(badge, x: area.maxX - width, y: area.maxY - 1, role: .statusWarning, clip: area)
    }
  }

  private static func drawRow(
    _ line: TranscriptLine, item index: Int, state: AppState, y: Int, in area: Rect,
    on grid: inout CellGrid, cache: LineRowCache?
  ) {
    let item = state.transcript.items[index]
    switch line {
    case .divider(let text):
      var x = area.x
      x += grid.put("── \(text) ", x: x, y: y, role: .transcriptDivider, clip: area)
      while x < area.maxX {
        x += grid.put(Glyph("─", width: 1), x: x, y: y, role: .transcriptDivider, clip: area)
      }
    case .header:
      let isSelected =
        state.focus == .transcript && state.transcript.selection == index
        && state.transcript.sourceSelection == nil && state.transcript.selectedAttachment == nil
      if isSelected {
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: .blank(.selection))
      }
      // Too wide: drop figures from the right (time to first token, cost, tokens, time)
      // rather than cutting one in half.
      var spans = TranscriptHeader.spans(for: item, index: index, state: state)
      while spans.count > 3, spans.displayWidth > area.width { spans.removeLast(2) }
      var x = area.x
      for span in spans {
        if x >= area.maxX { break }
        x += BoxView.text(
          span.text, x: x, y: y, limit: area.maxX - x, role: isSelected ? .selection : span.role,
          on: &grid)
      }
    case .usageDetails(let text):
      BoxView.text(text, x: area.x, y: y, limit: area.width, role: .muted, on: &grid)
    case .reasoningToggle:
      grid.put(
        TranscriptHeader.reasoningToggle(for: item), x: area.x, y: y, role: .transcriptReasoning,
        clip: area)
    case .reasoning(let styled), .body(let styled):
      StyledLinesView.draw(
        styled, row: y, in: Rect(x: area.x, y: y, width: area.width, height: 1), on: &grid,
        cache: cache)
    case .attachment(let number):
      guard item.message.attachments.indices.contains(number) else { return }
      let isSelected =
        state.focus == .transcript && state.transcript.selection == index
        && state.transcript.selectedAttachment == number
      let chip =
        "  " + AttachmentChip.text(item.message.attachments[number])
        + (isSelected ? "  · Enter opens" : "")
      BoxView.text(
        chip, x: area.x, y: y, limit: area.width, role: isSelected ? .selection : .muted,
        on: &grid)
    case .sourcesHeading:
      BoxView.text(
        "Sources", x: area.x, y: y, limit: area.width, role: .transcriptHeader, on: &grid)
    case .source(let number):
      guard item.sources.indices.contains(number) else { break }
      let isSelected =
        state.focus == .transcript && state.transcript.selection == index
        && state.transcript.sourceSelection == number
      drawSource(item.sources[number], isSelected: isSelected, y: y, in: area, on: &grid)
    case .sourceURL(let number):
      guard item.sources.indices.contains(number) else { break }
      let indent = DisplayWidth.width(of: item.sources[number].label)
      BoxView.text(
        item.sources[number].url, x: area.x + indent, y: y, limit: area.width - indent,
        role: .markdownLinkURL, on: &grid)
    case .notice(let text):
      let role: StyleRole = item.message.status == .cancelled ? .muted : .transcriptError
      BoxView.text(text, x: area.x, y: y, limit: area.width, role: role, on: &grid)
    case .blank:
      break
    }
  }

  /// `[2] Swift Documentation · swift.org`: the title and domain link to the page (OSC 8,
  /// where the backend can); cut with `…` when too wide.
  private static func drawSource(
    _ source: SourceLine, isSelected: Bool, y: Int, in area: Rect, on grid: inout CellGrid
  ) {
    if isSelected {
      grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: .blank(.selection))
    }
    var x = area.x
    x += BoxView.text(
      source.label, x: x, y: y, limit: area.maxX - x, role: isSelected ? .selection : .muted,
      on: &grid)
    let start = x
    if !source.title.isEmpty {
      x += BoxView.text(
        source.title, x: x, y: y, limit: area.maxX - x,
        role: isSelected ? .selection : .markdownLink, on: &grid)
      x += BoxView.text(
        " · " + source.domain, x: x, y: y, limit: area.maxX - x,
        role: isSelected ? .selection : .markdownLinkURL, on: &grid)
    } else {
      x += BoxView.text(
        source.domain, x: x, y: y, limit: area.maxX - x,
        role: isSelected ? .selection : .markdownLink, on: &grid)
    }
    let end = min(x, area.maxX)
    if end > start {
      grid.setLink(grid.addLink(source.url), x: start, y: y, length: end - start)
    }
  }

  private static func drawWelcome(_ state: AppState, in area: Rect, on grid: inout CellGrid) {
    var lines = [
      "New session with \(state.agentName)" + (state.model.map { " · \($0)" } ?? ""),
      "Type a message and press Enter.",
      "",
      "Ctrl-O models · Ctrl-A agents · Ctrl-S sessions · ? or F1 help",
    ]
    if !state.hasAPIKey {
      lines += [
        "", "No API key: set OPENROUTER_API_KEY to chat.",
        "History and the model list work without one.",
      ]
    }
    let top = area.y + max(0, (area.height - lines.count) / 2)
    for (offset, line) in lines.enumerated() where top + offset < area.maxY {
      let width = DisplayWidth.width(of: line)
      let x = area.x + max(0, (area.width - width) / 2)
      let role: StyleRole =
        line.hasPrefix("No API key") ? .statusWarning : (offset == 0 ? .title : .muted)
      BoxView.text(line, x: x, y: top + offset, limit: area.maxX - x, role: role, on: &grid)
    }
  }
}
