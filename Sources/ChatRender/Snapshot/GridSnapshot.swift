import ChatDomain

/// A readable, diffable text encoding of a frame, for snapshot tests.
///
/// ```
/// size 12x2  cursor 3,1
/// │Hi 世界     │
/// │            │
/// roles
/// │AA.BBBB.....│
/// │............│
/// legend  .=base A=transcript.user B=code
/// ```
///
/// - The header gives the size and the cursor (`cursor -` when hidden).
/// - The characters block has one row per grid row between `│` bars, so trailing spaces
///   show; continuation cells of wide glyphs are omitted, so a wide glyph takes its two
///   columns in an editor and rows stay aligned.
/// - A `links` block, only when cells link somewhere, lists each run of linked cells as
///   `row column+length url`.
/// - The roles block has one character per cell (continuation cells included, so it lines
///   up with the characters block): `.` for `base`, then `A`–`Z`, `a`–`z`, `0`–`9` in
///   order of first appearance (row-major), listed in the legend.
public enum GridSnapshot {
  private static let letters = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

  /// The snapshot text of `frame`, ending with a newline.
  public static func encode(_ frame: Frame) -> String {
    let grid = frame.grid
    let cursor = frame.cursor.map { "\($0.x),\($0.y)" } ?? "-"
    var text = "size \(grid.width)x\(grid.height)  cursor \(cursor)\n"
    for y in 0..<grid.height {
      text += "│"
      for cell in grid.row(y) where !cell.isContinuation { text += cell.text }
      text += "│\n"
    }
    var symbols: [StyleRole: Character] = [.base: "."]
    var order: [StyleRole] = [.base]
    text += "roles\n"
    for y in 0..<grid.height {
      text += "│"
      for cell in grid.row(y) {
        if symbols[cell.role] == nil {
          let next = order.count - 1
          symbols[cell.role] = next < letters.count ? letters[next] : "?"
          order.append(cell.role)
        }
        text.append(symbols[cell.role] ?? "?")
      }
      text += "│\n"
    }
    let legend = order.map { "\(symbols[$0] ?? "?")=\($0.rawValue)" }.joined(separator: " ")
    text += "legend  \(legend)\n"
    // Hyperlinks, only when there are any: `row column+length url` per run.
    let links = (0..<grid.height).flatMap { y in grid.linkRuns(row: y).map { (y, $0) } }
    if !links.isEmpty {
      text += "links\n"
      for (y, run) in links { text += "  \(y) \(run.column)+\(run.length) \(run.url)\n" }
    }
    return text
  }

  /// The snapshot text of a grid with a hidden cursor.
  public static func encode(_ grid: CellGrid) -> String {
    encode(Frame(grid: grid))
  }
}
