import ChatCore
import ChatUI

/// Lays the demo blocks out at a width: paragraphs wrap at spaces by display width (a word
/// longer than a line is broken), code blocks and tables are boxed and clipped, never
/// wrapped.
enum DemoLayout {
  typealias Line = [DemoSpan]

  static func lines(for blocks: [DemoBlock], width: Int) -> [Line] {
    guard width > 0 else { return [] }
    var lines: [Line] = []
    for block in blocks {
      switch block {
      case .paragraph(let spans, let prefix):
        lines += wrap(spans, prefix: prefix, width: width)
      case .code(let language, let number, let code):
        lines += box(code, label: language, number: number, width: width)
      case .table(let header, let rows):
        lines += table(header: header, rows: rows)
      case .blank:
        lines.append([])
      }
    }
    return lines
  }

  // MARK: - Paragraphs

  private static func wrap(_ spans: [DemoSpan], prefix: DemoSpan?, width: Int) -> [Line] {
    let indent = prefix.map { DisplayWidth.width(of: $0.text) } ?? 0
    let available = max(1, width - indent)
    var words: [[(Character, StyleRole)]] = [[]]
    for span in spans {
      for character in span.text {
        if character == " " {
          if !(words.last?.isEmpty ?? true) { words.append([]) }
        } else {
          words[words.count - 1].append((character, span.role))
        }
      }
    }
    var rows: [[(Character, StyleRole)]] = [[]]
    var used = 0
    for word in words where !word.isEmpty {
      let wordWidth = word.reduce(0) { $0 + DisplayWidth.width(of: $1.0) }
      if used > 0, used + 1 + wordWidth <= available {
        rows[rows.count - 1].append((" ", word[0].1))
        used += 1
      } else if used > 0 {
        rows.append([])
        used = 0
      }
      for piece in word {
        let pieceWidth = DisplayWidth.width(of: piece.0)
        if used + pieceWidth > available, used > 0 {
          rows.append([])
          used = 0
        }
        rows[rows.count - 1].append(piece)
        used += pieceWidth
      }
    }
    return rows.enumerated().map { index, row in
      var line: Line = []
      if let prefix {
        line.append(index == 0 ? prefix : DemoSpan(String(repeating: " ", count: indent), prefix.role))
      }
      return line + merge(row)
    }
  }

  private static func merge(_ pieces: [(Character, StyleRole)]) -> Line {
    var line: Line = []
    for (character, role) in pieces {
      if line.last?.role == role {
        line[line.count - 1].text.append(character)
      } else {
        line.append(DemoSpan(String(character), role))
      }
    }
    return line
  }

  // MARK: - Boxes

  private static func box(_ code: [Line], label: String, number: Int, width: Int) -> [Line] {
    let widest = code.map(Self.width(of:)).max() ?? 0
    let inner = max(0, min(widest, width - 4))
    let title = " \(label) "
    let tag = " [\(number)] "
    let rule = max(0, inner + 2 - title.count - tag.count)
    var lines: [Line] = [[
      DemoSpan("┌", .codeBorder), DemoSpan(title, .codeLabel),
      DemoSpan(String(repeating: "─", count: rule), .codeBorder), DemoSpan(tag, .codeLabel),
      DemoSpan("┐", .codeBorder),
    ]]
    for row in code {
      let clipped = clip(row, to: inner)
      let padding = inner - Self.width(of: clipped)
      lines.append(
        [DemoSpan("│ ", .codeBorder)] + clipped
          + [DemoSpan(String(repeating: " ", count: padding), .code), DemoSpan(" │", .codeBorder)])
    }
    lines.append([DemoSpan("└" + String(repeating: "─", count: inner + 2) + "┘", .codeBorder)])
    return lines
  }

  private static func table(header: [String], rows: [[String]]) -> [Line] {
    let all = [header] + rows
    let widths = header.indices.map { column in
      all.map { DisplayWidth.width(of: $0[column]) }.max() ?? 0
    }
    func rule(_ left: String, _ middle: String, _ right: String) -> Line {
      [DemoSpan(left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right, .markdownTableBorder)]
    }
    func row(_ cells: [String], role: StyleRole) -> Line {
      var line: Line = [DemoSpan("│", .markdownTableBorder)]
      for (column, cell) in cells.enumerated() {
        let padding = widths[column] - DisplayWidth.width(of: cell)
        line += [
          DemoSpan(" " + cell + String(repeating: " ", count: padding + 1), role),
          DemoSpan("│", .markdownTableBorder),
        ]
      }
      return line
    }
    return [rule("┌", "┬", "┐"), row(header, role: .markdownBold), rule("├", "┼", "┤")]
      + rows.map { row($0, role: .transcriptBody) } + [rule("└", "┴", "┘")]
  }

  // MARK: - Measuring

  static func width(of line: Line) -> Int {
    line.reduce(0) { $0 + DisplayWidth.width(of: $1.text) }
  }

  /// The line cut to `limit` columns; a cut line ends in "›" so the loss shows.
  private static func clip(_ line: Line, to limit: Int) -> Line {
    guard width(of: line) > limit else { return line }
    var result: Line = []
    var used = 0
    var isFull = false
    for span in line where !isFull {
      var text = ""
      for character in span.text {
        let characterWidth = DisplayWidth.width(of: character)
        if used + characterWidth > limit - 1 {
          isFull = true
          break
        }
        text.append(character)
        used += characterWidth
      }
      if !text.isEmpty { result.append(DemoSpan(text, span.role)) }
    }
    result.append(DemoSpan(String(repeating: " ", count: max(0, limit - 1 - used)) + "›", .codeBorder))
    return result
  }
}
