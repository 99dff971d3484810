import CNcursesw
import ChatDomain
import ChatRender
import ChatUI

extension NcursesTerminal {
  public func setTheme(_ theme: Theme) {
    styles.setTheme(theme)
  }

  /// Paints each run cell by cell, each at its own column (`mvwadd_wch`), so a width
  /// disagreement with the terminal cannot shift later cells; continuation cells are
  /// skipped because the wide glyph before them covers them. One `doupdate` per frame;
  /// ncurses' own optimiser then sends only what differs from the screen it knows.
  public func present(_ frame: Frame, diff: GridDiff) {
    let bounds = size
    if diff.isFull { _ = clearok(window, true) }
    for run in diff.runs where run.row < bounds.rows {
      var column = run.column
      for cell in run.cells {
        defer { column += 1 }
        if cell.isContinuation { continue }
        if column >= bounds.columns { break }
        paint(cell, row: Int32(run.row), column: Int32(column))
      }
    }
    placeCursor(frame.cursor, bounds: bounds)
    _ = wnoutrefresh(window)
    _ = doupdate()
    if options.hyperlinks { writeHyperlinks(frame.grid, diff: diff, bounds: bounds) }
  }

  private func paint(_ cell: Cell, row: Int32, column: Int32) {
    let style = styles.style(for: cell.role)
    var pair = style.pair
    var character = cchar_t()
    withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 8) { buffer in
      var count = 0
      for scalar in cell.text.unicodeScalars where count < 6 {
        buffer[count] = wchar_t(bitPattern: scalar.value)
        count += 1
      }
      if count == 0 {
        buffer[0] = 0x20
        count = 1
      }
      buffer[count] = 0
      // The pair goes through `opts` so that numbers above 255 work (the short argument
      // cannot hold them).
      if setcchar(&character, buffer.baseAddress, style.attributes, 0, &pair) == ERR {
        buffer[0] = 0xFFFD
        buffer[1] = 0
        _ = setcchar(&character, buffer.baseAddress, style.attributes, 0, &pair)
      }
    }
    // ERR at the bottom-right cell only means the cursor could not advance; the cell is
    // written.
    _ = mvwadd_wch(window, row, column, &character)
  }

  private func placeCursor(_ cursor: Position?, bounds: TerminalSize) {
    if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < bounds.columns, cursor.y < bounds.rows {
      _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
      if !isCursorVisible {
        _ = curs_set(1)
        isCursorVisible = true
      }
    } else if isCursorVisible {
      _ = curs_set(0)
      isCursorVisible = false
    }
  }
}
