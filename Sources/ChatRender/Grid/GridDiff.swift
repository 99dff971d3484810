#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The cells that changed between two grids, as runs the backend paints left to right.
///
/// Rows are compared whole first (cheap for unchanged rows), then cell by cell. A change to
/// either half of a wide glyph re-emits both halves, so the terminal never keeps half a
/// glyph. The backend moves the cursor to each run's start explicitly, so a width
/// disagreement with the terminal cannot carry over from one run to the next.
public struct GridDiff: Sendable, Hashable {
  public struct Run: Sendable, Hashable {
    public var row: Int
    public var column: Int
    /// The new cells, continuation cells included (the backend skips them when painting).
    public var cells: [Cell]

    public init(row: Int, column: Int, cells: [Cell]) {
      self.row = row
      self.column = column
      self.cells = cells
    }
  }

  public var runs: [Run]
  /// True when the whole screen must be repainted (first frame, resize, theme switch).
  public var isFull: Bool

  public var isEmpty: Bool { runs.isEmpty }
  public var changedRows: Set<Int> { Set(runs.map(\.row)) }

  /// The diff from `old` to `new`; a full repaint when there is no old grid or its size differs.
  public init(from old: CellGrid?, to new: CellGrid) {
    guard let old, old.width == new.width, old.height == new.height else {
      isFull = true
      runs = (0..<new.height).map { Run(row: $0, column: 0, cells: Array(new.row($0))) }
      return
    }
    isFull = false
    runs = []
    for y in 0..<new.height where !Self.rowsAreEqual(old, new, row: y) {
      Self.appendRuns(
        row: y, before: old.row(y), after: new.row(y), width: new.width, into: &runs)
    }
  }

  /// Compares one row of two same-sized grids bytewise: a cell has no padding, so equal
  /// bytes mean equal cells, and most rows of a frame are unchanged. `memcmp` because
  /// it is several times faster here than any loop the compiler makes of this.
  private static func rowsAreEqual(_ old: CellGrid, _ new: CellGrid, row y: Int) -> Bool {
    let rowBytes = new.width * MemoryLayout<Cell>.stride
    return old.cells.withUnsafeBytes { before in
      new.cells.withUnsafeBytes { after in
        guard let lhs = before.baseAddress, let rhs = after.baseAddress else { return true }
        return memcmp(lhs + y * rowBytes, rhs + y * rowBytes, rowBytes) == 0
      }
    }
  }

  private static func appendRuns(
    row: Int, before: ArraySlice<Cell>, after: ArraySlice<Cell>, width: Int, into runs: inout [Run]
  ) {
    let base = after.startIndex
    let oldBase = before.startIndex
    var x = 0
    while x < width {
      guard before[oldBase + x] != after[base + x] else {
        x += 1
        continue
      }
      var start = x
      // Start on the leading half of a wide glyph.
      if after[base + start].isContinuation || before[oldBase + start].isContinuation, start > 0 {
        start -= 1
      }
      var end = x + 1
      while end < width,
        before[oldBase + end] != after[base + end] || after[base + end].isContinuation
      {
        end += 1
      }
      // Finish on the trailing half of a wide glyph.
      if end < width, after[base + end].isContinuation || before[oldBase + end].isContinuation {
        end += 1
      }
      if let last = runs.last, last.row == row, last.column + last.cells.count >= start {
        let merged = last.column..<end
        runs[runs.count - 1] = Run(
          row: row, column: merged.lowerBound,
          cells: Array(after[(base + merged.lowerBound)..<(base + merged.upperBound)]))
      } else {
        runs.append(
          Run(row: row, column: start, cells: Array(after[(base + start)..<(base + end)])))
      }
      x = end
    }
  }

  /// Applies the diff to `grid` (for tests: `old.applying(diff) == new`).
  public func apply(to grid: inout CellGrid) {
    for run in runs {
      for (offset, cell) in run.cells.enumerated() {
        grid.setRaw(cell, x: run.column + offset, y: run.row)
      }
    }
  }
}

extension CellGrid {
  /// Sets a cell verbatim, without wide-glyph repair (used to replay diffs).
  mutating func setRaw(_ cell: Cell, x: Int, y: Int) {
    replaceCell(at: y * width + x, with: cell)
  }
}
