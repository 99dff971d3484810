import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TerminalBackend

/// The bytes a minimal VT100/xterm painter writes for a diff: the cheapest way to reach each
/// changed cell (nothing when the cursor is there, re-writing a short gap of unchanged cells
/// in the current style, cursor-forward on the same row, else an absolute move), an SGR
/// when the style changes, the cell's UTF-8, and a final move and show/hide for the frame's
/// cursor. Styles use 256 colours.
///
/// It keeps the terminal's state (cursor position, cursor visibility) between calls, as a
/// real terminal does, so the second of two frames costs only its changes. Like ncurses,
/// it returns to the default rendition at the end of each frame, so nothing written after
/// it (or after exit) inherits a colour. This is the yardstick for the scripted terminal's
/// byte counts; the real figures come from ncurses on a pseudo-terminal.
public struct EscapeSequenceEncoder: Sendable {
  public var theme: Theme?
  private var position: Position?
  /// The rendition while a frame is painted; the default between frames.
  private var style = ThemeStyle()
  private var isCursorVisible = true

  public init(theme: Theme? = nil) {
    self.theme = theme
  }

  /// The bytes for `diff`, whose result is `grid` (used to re-write short gaps).
  public mutating func encode(_ diff: GridDiff, grid: CellGrid, cursor: Position?) -> [UInt8] {
    var out: [UInt8] = []
    if diff.isFull {
      out += Array("\u{1b}[H\u{1b}[2J".utf8)
      position = Position(x: 0, y: 0)
    }
    for run in diff.runs {
      for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
        let column = run.column + offset
        let target = Position(x: column, y: run.row)
        if position != target { out += move(to: target, in: grid) }
        let cellStyle = theme?[cell.role] ?? ThemeStyle()
        if style != cellStyle {
          out += Self.selectGraphicRendition(cellStyle)
          style = cellStyle
        }
        out += Array(cell.text.isEmpty ? " ".utf8 : cell.text.utf8)
        let isWide = offset + 1 < run.cells.count && run.cells[offset + 1].isContinuation
        position = Position(x: column + (isWide ? 2 : 1), y: run.row)
      }
    }
    if style != ThemeStyle() {
      out += Array("\u{1b}[0m".utf8)
      style = ThemeStyle()
    }
    if let cursor {
      if position != cursor { out += move(to: cursor, in: grid) }
      position = cursor
      if !isCursorVisible { out += Array("\u{1b}[?25h".utf8) }
      isCursorVisible = true
    } else if isCursorVisible {
      out += Array("\u{1b}[?25l".utf8)
      isCursorVisible = false
    }
    return out
  }

  /// The cheapest bytes that take the cursor from `position` to `target`.
  private func move(to target: Position, in grid: CellGrid) -> [UInt8] {
    let absolute = Self.moveCursor(to: target)
    guard let position, position.y == target.y, position.x < target.x else { return absolute }
    let gap = position.x..<target.x
    let forward = Array((gap.count == 1 ? "\u{1b}[C" : "\u{1b}[\(gap.count)C").utf8)
    var rewrite: [UInt8] = []
    for x in gap {
      let cell = grid[x, target.y]
      let cellStyle = theme?[cell.role] ?? ThemeStyle()
      guard !cell.isContinuation, cellStyle == style, DisplayWidth.width(of: cell.text) == 1 else {
        return forward.count < absolute.count ? forward : absolute
      }
      rewrite += Array(cell.text.utf8)
    }
    return [rewrite, forward, absolute].min { $0.count < $1.count } ?? absolute
  }

  /// `CSI row ; column H`, 1-based.
  static func moveCursor(to position: Position) -> [UInt8] {
    Array("\u{1b}[\(position.y + 1);\(position.x + 1)H".utf8)
  }

  /// `CSI 0 ; attributes ; colours m`.
  static func selectGraphicRendition(_ style: ThemeStyle) -> [UInt8] {
    var parameters = ["0"]
    let codes: [(TextAttributes, String)] = [
      (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7"),
    ]
    for (attribute, code) in codes where style.attributes.contains(attribute) {
      parameters.append(code)
    }
    let foreground = ColorMapping.colorNumber(for: style.foreground, depth: .xterm256)
    if foreground >= 0 { parameters.append("38;5;\(foreground)") }
    let background = ColorMapping.colorNumber(for: style.background, depth: .xterm256)
    if background >= 0 { parameters.append("48;5;\(background)") }
    return Array("\u{1b}[\(parameters.joined(separator: ";"))m".utf8)
  }
}
