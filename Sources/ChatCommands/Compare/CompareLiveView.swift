import CWidth
import Formatting

/// The block `orchat compare` keeps redrawing on a terminal while the replies stream: one
/// labelled section per model, each its label line and the last lines of its text, so every
/// reply is seen growing at once. The block fits the terminal: each section gets an equal
/// share of its rows (at most 8), and no line reaches the last column (a line that wrapped
/// would throw the count off).
///
/// The text is sanitised here (escape sequences and controls removed) because the block is
/// written as composed text, with the cursor movements that redraw it.
struct CompareLiveView {
  struct Section: Sendable {
    /// `1 openai/gpt-4o`.
    var label: String
    /// `⠹ 84 tok`, `done · 412 tok · $0.0003`, `error`.
    var state: String
    var text: String
  }

  var columns: Int
  var rows: Int

  /// The block's lines, top to bottom.
  func lines(_ sections: [Section]) -> [String] {
    let width = max(20, columns - 1)
    let share = max(2, min(8, (rows - 1) / max(1, sections.count)))
    var lines: [String] = []
    for section in sections {
      lines.append(Self.rule(" \(section.label) · \(section.state) ", width: width))
      lines += Self.tail(of: section.text, width: width, count: share - 1)
    }
    return lines
  }

  /// `── label · state ─────…` cut or filled to `width` columns.
  static func rule(_ title: String, width: Int) -> String {
    var line = "──"
    var used = 2
    for character in TextSanitizer.sanitize(title) where !character.isNewline {
      let columns = Self.width(of: character)
      guard used + columns <= width else { break }
      line.append(character)
      used += columns
    }
    return line + String(repeating: "─", count: max(0, width - used))
  }

  /// The last `count` lines of `text` wrapped at `width` columns. Only the end of the text
  /// is wrapped: the work is the same however long the reply grows.
  static func tail(of text: String, width: Int, count: Int) -> [String] {
    guard count > 0, !text.isEmpty else { return [] }
    let window = count * width * 4
    var recent = Substring(text.suffix(window))
    if recent.count < text.count, let newline = recent.firstIndex(of: "\n") {
      recent = recent[recent.index(after: newline)...]
    }
    var lines: [String] = []
    for paragraph in TextSanitizer.sanitize(String(recent)).split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      var line = ""
      var used = 0
      for character in paragraph {
        let shown = character == "\t" ? "    " : String(character)
        let columns = character == "\t" ? 4 : Self.width(of: character)
        if used + columns > width {
          lines.append(line)
          line = ""
          used = 0
        }
        line += shown
        used += columns
      }
      lines.append(line)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return Array(lines.suffix(count))
  }

  /// Terminal columns of a character: its first scalar's (libc `wcwidth`), combining marks
  /// and zero-width scalars 0.
  static func width(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    if first.isASCII { return first.value >= 0x20 ? 1 : 0 }
    return max(0, Int(orchat_wcwidth(Int32(bitPattern: first.value))))
  }
}
