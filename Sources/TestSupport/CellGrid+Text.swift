import ChatDomain
import ChatRender

extension CellGrid {
  /// The characters of row `y` as a terminal shows them (continuation cells skipped).
  public func text(ofRow y: Int) -> String {
    var text = ""
    for cell in row(y) where !cell.isContinuation { text += cell.text }
    return text
  }

  /// Every row's text, top to bottom.
  public var rowTexts: [String] { (0..<height).map { text(ofRow: $0) } }

  /// Describes the first broken wide-glyph invariant, or nil when the grid is sound: a
  /// continuation cell must follow a non-empty leading cell in the same row.
  public var wideGlyphViolation: String? {
    for y in 0..<height {
      for x in 0..<width where self[x, y].isContinuation {
        if x == 0 { return "continuation at column 0 of row \(y)" }
        let lead = self[x - 1, y]
        if lead.isContinuation || lead.text.isEmpty {
          return "continuation at \(x),\(y) without a leading cell"
        }
      }
    }
    return nil
  }
}
