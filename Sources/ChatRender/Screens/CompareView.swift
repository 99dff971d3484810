import ChatDomain
import ChatUI
import Formatting
import Foundation

/// A compare, in the transcript's box: the question on the first line, then a column per
/// model side by side (each at least 40 cells wide), or, when there is no room for that, a
/// row of tabs over the selected reply's pane.
///
/// A column's header: its number and model (and the model that answered, when another),
/// a spinner or its end state on the right; the figures (time to first token, tokens per
/// second, tokens, cost); and its error line, or a rule. Its text is drawn as the
/// transcript draws a reply, from the column's first shown line.
enum CompareView {
  static func draw(
    _ state: AppState, _ compare: CompareState, layout: ScreenLayout, on grid: inout CellGrid,
    cache: LineRowCache?
  ) {
    let title = state.session?.title ?? "new session"
    let isFocused = state.focus == .transcript
    BoxView.draw(
      layout.transcriptBox, title: "orchat · \(title) · compare",
      rightTitle: compare.keyHint, isFocused: isFocused, on: &grid)
    let area = layout.transcriptText
    guard !area.isEmpty else { return }
    let geometry = CompareLayout(area: area, count: compare.columns.count)
    let prompt = compare.prompt.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    BoxView.text(
      "› " + prompt, x: area.x, y: geometry.promptRow.y, limit: area.width, role: .transcriptUser,
      on: &grid)
    if let tabs = geometry.tabRow {
      drawTabs(state, compare, in: tabs, isFocused: isFocused, on: &grid)
      drawColumn(
        state, compare, compare.selected, in: geometry.panes[0], geometry: geometry,
        isFocused: false, on: &grid, cache: cache)
      return
    }
    for index in compare.columns.indices {
      let pane = geometry.pane(index)
      drawColumn(
        state, compare, index, in: pane, geometry: geometry,
        isFocused: isFocused && index == compare.selected, on: &grid, cache: cache)
      if index < compare.columns.count - 1 {
        let x = pane.maxX + CompareLayout.gap / 2
        for y in pane.y..<pane.maxY {
          grid.put(Glyph("│", width: 1), x: x, y: y, role: .border)
        }
      }
    }
  }

  /// `1 gpt-4o ⠹ │ 2 claude-sonnet-4.5 ✓ │ 3 gemini ✗`, the selected tab highlighted.
  private static func drawTabs(
    _ state: AppState, _ compare: CompareState, in row: Rect, isFocused: Bool,
    on grid: inout CellGrid
  ) {
    let texts = compare.columns.enumerated().map { index, column in
      " \(index + 1) \(Format.shortModel(column.model)) \(stateMark(state, column).text) "
    }
    // Each tab as wide as it needs when they all fit, else an equal share.
    let natural = texts.reduce(0) { $0 + DisplayWidth.width(of: $1) + 1 }
    let share = natural <= row.width ? row.width : max(8, row.width / max(1, texts.count) - 1)
    var x = row.x
    for (index, text) in texts.enumerated() {
      guard x < row.maxX else { break }
      let role: StyleRole = index == compare.selected ? (isFocused ? .selection : .title) : .muted
      x += BoxView.text(
        text, x: x, y: row.y, limit: min(share, row.maxX - x), role: role, on: &grid)
      if index < texts.count - 1, x < row.maxX {
        grid.put(Glyph("│", width: 1), x: x, y: row.y, role: .border)
        x += 1
      }
    }
  }

  private static func drawColumn(
    _ state: AppState, _ compare: CompareState, _ index: Int, in pane: Rect,
    geometry: CompareLayout, isFocused: Bool, on grid: inout CellGrid, cache: LineRowCache?
  ) {
    let column = compare.columns[index]
    let header = geometry.header(of: pane)
    guard header.height > 0 else { return }
    // Row 1: number and model, the state on the right.
    if isFocused {
      grid.fill(
        Rect(x: header.x, y: header.y, width: header.width, height: 1), with: .blank(.selection))
    }
    let mark = stateMark(state, column)
    let markWidth = DisplayWidth.width(of: mark.text)
    var name = "\(index + 1) \(column.model)"
    if let served = column.reply?.servedModel, served != column.model { name += " → \(served)" }
    BoxView.text(
      name, x: header.x, y: header.y, limit: max(1, header.width - markWidth - 1),
      role: isFocused ? .selection : .transcriptAssistant, on: &grid)
    grid.put(
      mark.text, x: header.maxX - markWidth, y: header.y, role: isFocused ? .selection : mark.role,
      clip: header)
    // Row 2: the figures, dropped from the right when too wide.
    if header.height > 1 {
      var figures = self.figures(column)
      while figures.count > 1,
        DisplayWidth.width(of: figures.joined(separator: " · ")) > header.width
      {
        figures.removeLast()
      }
      BoxView.text(
        figures.joined(separator: " · "), x: header.x, y: header.y + 1, limit: header.width,
        role: .muted, on: &grid)
    }
    // Row 3: the error, a retry under way, or a rule.
    if header.height > 2 {
      let y = header.y + 2
      if let failure = column.failure {
        BoxView.text(
          "✗ " + failure, x: header.x, y: y, limit: header.width, role: .transcriptError, on: &grid)
      } else if let note = column.note {
        BoxView.text(note, x: header.x, y: y, limit: header.width, role: .statusWarning, on: &grid)
      } else {
        for x in header.x..<header.maxX {
          grid.put(Glyph("─", width: 1), x: x, y: y, role: .border)
        }
      }
    }
    let body = geometry.body(of: pane)
    guard !body.isEmpty else { return }
    let lines = column.lines
    if lines.isEmpty {
      let waiting =
        switch column.phase {
        case .starting, .streaming: "waiting for the first token…"
        case .stopping: "stopping…"
        case .ended: column.failure == nil ? "(no text)" : ""
        }
      BoxView.text(waiting, x: body.x, y: body.y, limit: body.width, role: .muted, on: &grid)
      return
    }
    var y = body.y
    var line = column.top
    while y < body.maxY, line < lines.count {
      StyledLinesView.draw(
        lines[line], row: y, in: Rect(x: body.x, y: y, width: body.width, height: 1), on: &grid,
        cache: cache)
      y += 1
      line += 1
    }
    let below = lines.count - line
    if !column.isFollowing, below > 0 {
      let badge = " ↓ \(below) more "
      let width = DisplayWidth.width(of: badge)
      grid.put(badge, x: body.maxX - width, y: body.maxY - 1, role: .statusWarning, clip: body)
    }
  }

  /// The spinner while a reply streams, else how it ended.
  static func stateMark(_ state: AppState, _ column: CompareColumn) -> (
    text: String, role: StyleRole
  ) {
    switch column.phase {
    case .starting, .streaming:
      return (
        TranscriptHeader.spinner[state.spinnerFrame % TranscriptHeader.spinner.count],
        .statusWarning
      )
    case .stopping:
      return ("stopping…", .statusWarning)
    case .ended:
      switch column.reply?.status {
      case .complete?: return ("✓ done", .transcriptAssistant)
      case .cancelled?: return ("⏹ stopped", .muted)
      case .interrupted?: return ("⚠ interrupted", .transcriptError)
      case .error?, nil: return ("✗ error", .transcriptError)
      case .streaming?: return ("…", .muted)
      }
    }
  }

  /// `0.4 s to first token`, `84 tok/s`, `412 tok`, `$0.0003`: while streaming from what
  /// has arrived (rate and count refreshed on ticks), then from the stored reply.
  static func figures(_ column: CompareColumn) -> [String] {
    var figures: [String] = []
    if let reply = column.reply, column.phase == .ended {
      if let ttft = reply.timeToFirstTokenMilliseconds {
        figures.append("\(Format.duration(milliseconds: ttft)) to first token")
      }
      let tokens = reply.usage?.completionTokens ?? column.deltas
      if let duration = reply.durationMilliseconds, let ttft = reply.timeToFirstTokenMilliseconds,
        duration > ttft, tokens > 1
      {
        figures.append(
          String(format: "%.0f tok/s", Double(tokens) * 1000 / Double(duration - ttft)))
      }
      figures.append("\(Format.tokens(tokens)) tok")
      if let cost = reply.usage?.cost { figures.append(Format.cost(cost)) }
      return figures
    }
    if let first = column.firstTextAt {
      let milliseconds = Int((first.timeIntervalSince(column.startedAt) * 1000).rounded())
      figures.append("\(Format.duration(milliseconds: max(0, milliseconds))) to first token")
    }
    if let rate = column.shownTokensPerSecond { figures.append(String(format: "%.0f tok/s", rate)) }
    if column.shownDeltas > 0 { figures.append("\(Format.tokens(column.shownDeltas)) tok") }
    return figures
  }
}

extension CompareState {
  /// The box's right title: the keys that matter now.
  var keyHint: String {
    isRunning ? "x stop one · Esc stop all" : "Enter keep · Esc keep first done"
  }
}
