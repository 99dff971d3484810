import ChatDomain
import ChatUI

/// An in-memory screen: `width × height` cells, row-major. Views draw into it; the backend
/// paints only the difference to the previous grid.
///
/// **Invariants:** `cells.count == width * height`; a cell with `isContinuation` always
/// follows a leading cell of width 2 in the same row, and the last column never holds the
/// leading half of a wide glyph.
public struct CellGrid: Sendable, Hashable {
  public let width: Int
  public let height: Int
  public internal(set) var cells: [Cell]
  /// The URLs cells link to: a cell's `link` n is `links[n - 1]`. Only safe `http(s)` URLs
  /// are added (the views take them from `SourceLine`).
  public private(set) var links: [String] = []

  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: fill, count: self.width * self.height)
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// The id of `url` in `links`, added when new; 0 (no link) once 65,535 are in use.
  public mutating func addLink(_ url: String) -> UInt16 {
    if let index = links.firstIndex(of: url) { return UInt16(index + 1) }
    guard links.count < Int(UInt16.max) else { return 0 }
    links.append(url)
    return UInt16(links.count)
  }

  /// The URL cell `cell` links to, if any.
  public func url(of cell: Cell) -> String? {
    cell.link == 0 || Int(cell.link) > links.count ? nil : links[Int(cell.link) - 1]
  }

  /// Makes the cells of row `y` from `x` to `x + length` (clipped) part of link `id`.
  public mutating func setLink(_ id: UInt16, x: Int, y: Int, length: Int) {
    let start = max(0, x)
    let end = min(width, x + length)
    guard y >= 0, y < height, start < end else { return }
    for column in start..<end { cells[y * width + column].link = id }
  }

  /// The runs of linked cells on row `y`, left to right: where each starts, how many cells
  /// (continuation cells included) and the URL.
  public func linkRuns(row y: Int) -> [(column: Int, length: Int, url: String)] {
    var runs: [(column: Int, length: Int, url: String)] = []
    var x = 0
    while x < width {
      let id = cells[y * width + x].link
      guard id != 0, let url = url(of: cells[y * width + x]) else {
        x += 1
        continue
      }
      var end = x + 1
      while end < width, cells[y * width + end].link == id { end += 1 }
      runs.append((x, end - x, url))
      x = end
    }
    return runs
  }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
  }

  /// The cells of one row.
  public func row(_ y: Int) -> ArraySlice<Cell> {
    cells[(y * width)..<((y + 1) * width)]
  }

  /// Sets one cell, repairing any wide glyph it cuts in half.
  public mutating func set(_ cell: Cell, x: Int, y: Int) {
    guard x >= 0, x < width, y >= 0, y < height else { return }
    let index = y * width + x
    if cells[index].isContinuation, x > 0 {
      cells[index - 1] = .blank(cells[index - 1].role)
    }
    if x + 1 < width, cells[index + 1].isContinuation {
      cells[index + 1] = .blank(cells[index + 1].role)
    }
    cells[index] = cell
  }

  /// Fills a rectangle (clipped to the grid) with one cell.
  public mutating func fill(_ rect: Rect, with cell: Cell) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for y in area.y..<area.maxY {
      if area.x > 0 { repairLeft(of: area.x, y: y) }
      if area.maxX < width { repairLeft(of: area.maxX, y: y) }
      let row = y * width
      cells.withUnsafeMutableBufferPointer { buffer in
        for x in area.x..<area.maxX { buffer[row + x] = cell }
      }
    }
  }

  mutating func replaceCell(at index: Int, with cell: Cell) {
    cells[index] = cell
  }

  /// A wide glyph straddling column `x` loses its right half: blank its left half too.
  private mutating func repairLeft(of x: Int, y: Int) {
    let index = y * width + x
    if cells[index].isContinuation {
      cells[index - 1] = .blank(cells[index - 1].role)
      cells[index] = .blank(cells[index].role)
    }
  }
}
