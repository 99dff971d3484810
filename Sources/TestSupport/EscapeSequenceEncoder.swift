import ChatCore
import ChatRender
import TerminalBackend

/// The bytes a minimal VT100/xterm painter writes for a diff: a cursor move (CUP) before a
/// cell unless the cursor is already there, an SGR when the style changes, the cell's
/// UTF-8, and a final move and show/hide for the frame's cursor. Styles use 256 colours.
///
/// It keeps the terminal's state (cursor position, current style, cursor visibility)
/// between calls, as a real terminal does, so the second of two frames costs only its
/// changes. This is the yardstick for the scripted terminal's byte counts; the real
/// figures come from ncurses on a pseudo-terminal.
public struct EscapeSequenceEncoder: Sendable {
  public var theme: Theme?
  private var position: Position?
  /// A terminal starts in the default rendition.
  private var style = ThemeStyle()
  private var isCursorVisible = true

  public init(theme: Theme? = nil) {
    self.theme = theme
  }

  public mutating func encode(_ diff: GridDiff, cursor: Position?) -> [UInt8] {
    var out: [UInt8] = []
    if diff.isFull { out += Array("\u{1b}[H\u{1b}[2J".utf8) }
    for run in diff.runs {
      for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
        let column = run.column + offset
        let target = Position(x: column, y: run.row)
        if position != target { out += Self.moveCursor(to: target) }
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
    if let cursor {
      if position != cursor { out += Self.moveCursor(to: cursor) }
      position = cursor
      if !isCursorVisible { out += Array("\u{1b}[?25h".utf8) }
      isCursorVisible = true
    } else if isCursorVisible {
      out += Array("\u{1b}[?25l".utf8)
      isCursorVisible = false
    }
    return out
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
