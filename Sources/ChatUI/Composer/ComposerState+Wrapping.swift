/// A row of the input box: a piece of one line of text.
public struct ComposerRow: Sendable, Hashable {
  /// The line of text it belongs to.
  public var line: Int
  /// The character offset in that line where the row starts.
  public var start: Int
  public var text: String
}

extension ComposerState {
  /// The text wrapped into rows of at most `width` columns (by display width; long words
  /// break anywhere), and the cursor's row and column among them.
  public func rows(width: Int) -> (rows: [ComposerRow], cursorRow: Int, cursorColumn: Int) {
    let width = max(1, width)
    var rows: [ComposerRow] = []
    var cursorRow = 0
    var cursorColumn = 0
    for (lineIndex, line) in lines.enumerated() {
      var start = 0
      var current = ""
      var columns = 0
      var offset = 0
      func flush() {
        rows.append(ComposerRow(line: lineIndex, start: start, text: current))
      }
      for character in line {
        let characterWidth = DisplayWidth.width(of: character)
        if columns + characterWidth > width, !current.isEmpty {
          flush()
          start = offset
          current = ""
          columns = 0
        }
        if lineIndex == row, offset == column {
          cursorRow = rows.count
          cursorColumn = columns
        }
        current.append(character)
        columns += characterWidth
        offset += 1
      }
      if lineIndex == row, column == offset {
        if columns >= width {
          flush()
          start = offset
          current = ""
          columns = 0
        }
        cursorRow = rows.count
        cursorColumn = columns
      }
      flush()
    }
    return (rows, cursorRow, cursorColumn)
  }
}
