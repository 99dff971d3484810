import ChatUI

/// What one render produces: the grid, and where the terminal cursor goes (`nil` hides it).
public struct Frame: Sendable, Hashable {
  public var grid: CellGrid
  public var cursor: Position?

  public init(grid: CellGrid, cursor: Position? = nil) {
    self.grid = grid
    self.cursor = cursor
  }
}
