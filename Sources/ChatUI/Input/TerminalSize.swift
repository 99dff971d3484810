/// The size of the terminal in cells.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
  }

  /// "120x40".
  public var description: String { "\(columns)x\(rows)" }
}
