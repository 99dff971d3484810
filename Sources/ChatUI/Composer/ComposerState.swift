/// The input editor: multi-line text with a cursor, and the history of sent prompts.
///
/// Columns count `Character`s (grapheme clusters), so the cursor never lands inside an
/// emoji or a letter with its accents.
///
/// **Invariants:** `lines` is never empty; `0 <= row < lines.count`;
/// `0 <= column <= lines[row].count`. `browsingIndex` is `nil` while editing a fresh draft,
/// else the index in `history` being shown, with the draft kept in `draftForHistory`.
public struct ComposerState: Sendable, Hashable {
  public private(set) var lines: [String] = [""]
  public private(set) var row = 0
  public private(set) var column = 0
  /// Sent prompts, oldest first.
  public private(set) var history: [String] = []
  /// The history entry being shown, `nil` while editing a draft.
  var browsingIndex: Int?
  /// The draft typed before browsing started.
  var draftForHistory: String?

  public static let historyLimit = 200

  public init(text: String = "", history: [String] = []) {
    self.history = history
    set(text)
  }

  /// The text, lines joined with `\n`.
  public var text: String { lines.joined(separator: "\n") }
  public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }
  public var isOnFirstLine: Bool { row == 0 }
  public var isOnLastLine: Bool { row == lines.count - 1 }

  /// Replaces the text; the cursor goes to its end.
  public mutating func set(_ text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.isEmpty { lines = [""] }
    row = lines.count - 1
    column = lines[row].count
  }

  /// Empties the editor and leaves history browsing.
  public mutating func clear() {
    set("")
    browsingIndex = nil
    draftForHistory = nil
  }

  // MARK: - Editing

  /// Inserts text at the cursor; `\n` (and `\r\n`, `\r`) start new lines.
  public mutating func insert(_ text: String) {
    let normalized = text.replacingLineBreaks()
    var pieces = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    guard !pieces.isEmpty else { return }
    let line = lines[row]
    let split = line.index(line.startIndex, offsetBy: column)
    let before = String(line[..<split])
    let after = String(line[split...])
    if pieces.count == 1 {
      lines[row] = before + pieces[0] + after
      column += pieces[0].count
      return
    }
    pieces[0] = before + pieces[0]
    let lastCount = pieces[pieces.count - 1].count
    pieces[pieces.count - 1] += after
    lines.replaceSubrange(row...row, with: pieces)
    row += pieces.count - 1
    column = lastCount
  }

  public mutating func insertNewline() { insert("\n") }

  public mutating func deleteBackward() {
    if column > 0 {
      var line = lines[row]
      line.remove(at: line.index(line.startIndex, offsetBy: column - 1))
      lines[row] = line
      column -= 1
    } else if row > 0 {
      let line = lines.remove(at: row)
      row -= 1
      column = lines[row].count
      lines[row] += line
    }
  }

  public mutating func deleteForward() {
    if column < lines[row].count {
      var line = lines[row]
      line.remove(at: line.index(line.startIndex, offsetBy: column))
      lines[row] = line
    } else if row < lines.count - 1 {
      lines[row] += lines.remove(at: row + 1)
    }
  }

  /// Deletes back to the start of the previous word (Ctrl-W, Alt-Backspace).
  public mutating func deleteWordBackward() {
    let start = previousWordStart()
    guard start.row == row else {
      deleteBackward()
      return
    }
    var line = lines[row]
    let from = line.index(line.startIndex, offsetBy: start.column)
    let to = line.index(line.startIndex, offsetBy: column)
    line.removeSubrange(from..<to)
    lines[row] = line
    column = start.column
  }

  /// Deletes from the cursor to the end of the line (Ctrl-K), or joins the next line.
  public mutating func deleteToLineEnd() {
    if column == lines[row].count {
      deleteForward()
      return
    }
    lines[row] = String(lines[row].prefix(column))
  }

  /// Deletes from the start of the line to the cursor (Ctrl-U).
  public mutating func deleteToLineStart() {
    lines[row] = String(lines[row].dropFirst(column))
    column = 0
  }

  // MARK: - Moving

  public mutating func moveLeft() {
    if column > 0 {
      column -= 1
    } else if row > 0 {
      row -= 1
      column = lines[row].count
    }
  }

  public mutating func moveRight() {
    if column < lines[row].count {
      column += 1
    } else if row < lines.count - 1 {
      row += 1
      column = 0
    }
  }

  public mutating func moveUp() {
    guard row > 0 else { return }
    row -= 1
    column = min(column, lines[row].count)
  }

  public mutating func moveDown() {
    guard row < lines.count - 1 else { return }
    row += 1
    column = min(column, lines[row].count)
  }

  public mutating func moveToLineStart() { column = 0 }
  public mutating func moveToLineEnd() { column = lines[row].count }

  public mutating func moveWordLeft() {
    let start = previousWordStart()
    row = start.row
    column = start.column
  }

  public mutating func moveWordRight() {
    let characters = Array(lines[row])
    guard column < characters.count else {
      moveRight()
      return
    }
    var index = column
    while index < characters.count, characters[index].isWhitespace { index += 1 }
    while index < characters.count, !characters[index].isWhitespace { index += 1 }
    column = index
  }

  private func previousWordStart() -> (row: Int, column: Int) {
    guard column > 0 else { return row > 0 ? (row - 1, lines[row - 1].count) : (0, 0) }
    let characters = Array(lines[row])
    var index = column
    while index > 0, characters[index - 1].isWhitespace { index -= 1 }
    while index > 0, !characters[index - 1].isWhitespace { index -= 1 }
    return (row, index)
  }
}

extension String {
  /// `\r\n` and lone `\r` as `\n` (pasted text from other systems).
  func replacingLineBreaks() -> String {
    guard contains("\r") else { return self }
    return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
  }
}
