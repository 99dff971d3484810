import ChatDomain
import ChatCore
import ChatRender
import ChatUI

/// What `orchat demo` shows: the sample transcript in a bordered pane, scrolled by
/// `scrollOffset`, and a status line. Pure: a function of its fields and the size.
struct DemoScreen: Sendable {
  /// The smallest size the demo draws; below it, a one-line notice.
  static let minimumSize = TerminalSize(columns: 20, rows: 6)

  var themeName: String
  /// The last input, described ("Ctrl+X", "paste: 12 characters, 2 lines").
  var lastInput = "none"
  /// A problem to show instead of the key hints (a broken theme, say).
  var notice: String?
  /// Transcript lines scrolled off the top.
  var scrollOffset = 0

  /// The transcript lines at a terminal width (the pane has a border and a margin).
  static func transcriptLines(columns: Int) -> [StyledLine] {
    DemoTranscript.lines(width: max(1, columns - 4))
  }

  /// The largest useful `scrollOffset` at `size`.
  static func maximumScroll(for size: TerminalSize) -> Int {
    max(0, transcriptLines(columns: size.columns).count - (size.rows - 3))
  }

  func frame(size: TerminalSize) -> Frame {
    var grid = CellGrid(width: size.columns, height: size.rows)
    guard size.columns >= Self.minimumSize.columns, size.rows >= Self.minimumSize.rows else {
      grid.put("Too small: \(Self.minimumSize) needed", x: 0, y: 0, role: .statusError)
      return Frame(grid: grid)
    }
    let pane = Rect(x: 0, y: 0, width: size.columns, height: size.rows - 1)
    drawBorder(around: pane, title: " orchat demo · theme \(themeName) ", into: &grid)
    let inner = pane.inset(by: 1)
    let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    let lines = Self.transcriptLines(columns: size.columns)
    let offset = min(max(0, scrollOffset), Self.maximumScroll(for: size))
    StyledLinesView.draw(lines.dropFirst(offset), in: content, on: &grid)
    drawStatus(size: size, into: &grid)
    return Frame(grid: grid)
  }

  private func drawBorder(around rect: Rect, title: String, into grid: inout CellGrid) {
    let horizontal = String(repeating: "─", count: max(0, rect.width - 2))
    grid.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, role: .borderFocused)
    grid.put(
      title, x: rect.x + 2, y: rect.y, role: .title, clip: rect.inset(by: 1).union(top: rect.y))
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      grid.put("│", x: rect.x, y: y, role: .borderFocused)
      grid.put("│", x: rect.maxX - 1, y: y, role: .borderFocused)
    }
    grid.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, role: .borderFocused)
  }

  private func drawStatus(size: TerminalSize, into grid: inout CellGrid) {
    let row = size.rows - 1
    let hints = notice ?? "q quit · ↑↓ PgUp PgDn scroll"
    let text = " \(hints) · last input: \(lastInput) · \(size)"
    grid.fill(Rect(x: 0, y: row, width: size.columns, height: 1), with: .blank(.status))
    grid.put(text, x: 0, y: row, role: notice == nil ? .status : .statusError)
  }
}

extension Rect {
  /// The rectangle stretched up to include row `top` (for a title on a border row).
  fileprivate func union(top: Int) -> Rect {
    Rect(x: x, y: min(y, top), width: width, height: maxY - min(y, top))
  }
}
