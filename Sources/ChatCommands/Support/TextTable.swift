/// Columns of text aligned with spaces; the last column is left unpadded so long titles and
/// names do not widen the table.
struct TextTable {
  enum Alignment {
    case left, right
  }

  private let headers: [String]
  private let alignments: [Alignment]
  private var rows: [[String]] = []

  init(_ columns: [(String, Alignment)]) {
    headers = columns.map(\.0)
    alignments = columns.map(\.1)
  }

  mutating func append(_ row: [String]) {
    rows.append(row)
  }

  /// The header line and the rows, each ending with a newline.
  var text: String {
    let all = [headers] + rows
    let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
      row.indices.map { column in
        let cell = row[column]
        guard column < row.count - 1 else { return cell }
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return alignments[column] == .left ? cell + padding : padding + cell
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }
}
