/// A GitHub-style table: a header row, column alignments and body rows of inline-styled
/// cells. Rows may have fewer or more cells than the header; the renderer pads or drops.
public struct MarkdownTable: Sendable, Hashable {
  public enum Alignment: Sendable, Hashable {
    case left
    case center
    case right
  }

  public var header: [[StyledSpan]]
  public var alignments: [Alignment]
  public var rows: [[[StyledSpan]]]

  public init(header: [[StyledSpan]], alignments: [Alignment], rows: [[[StyledSpan]]] = []) {
    self.header = header
    self.alignments = alignments
    self.rows = rows
  }
}
