import ChatCore
import ChatUI

/// Writes glyphs left to right into one row of a grid, clipped to a column range, without
/// the per-cell checks of `CellGrid.set`: the grid repairs wide glyphs once, at the two
/// ends of the painted run (`CellGrid.paint(row:from:clip:_:)`), which is sound because a
/// painter writes every column it advances over inside the clip.
///
/// Exists only inside the closure passed to `paint`; it must not escape it.
struct RowPainter {
  private let cells: UnsafeMutableBufferPointer<Cell>
  private let rowStart: Int
  /// The clip's columns: `left..<right`.
  let left: Int
  let right: Int
  /// Where the next glyph goes; may lie left of `left` (scrolled) or past `right`.
  private(set) var column: Int

  init(cells: UnsafeMutableBufferPointer<Cell>, rowStart: Int, left: Int, right: Int, column: Int) {
    self.cells = cells
    self.rowStart = rowStart
    self.left = left
    self.right = right
    self.column = column
  }

  /// Whether the next glyph would fall past the clip.
  var isAtEnd: Bool { column >= right }

  /// Writes text, stopping once the clip's right edge is reached. Runs of printable ASCII
  /// are copied a byte at a time; other scalars skip grapheme segmentation when they are
  /// graphemes on their own (`DisplayWidth.isSingleScalarGrapheme`).
  mutating func put(_ text: some StringProtocol, role: StyleRole) {
    let isASCII = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      for byte in bytes where !Self.isPrintableASCII(byte) { return false }
      putASCII(bytes, role: role)
      return true
    }
    if isASCII == true { return }
    let utf8 = text.utf8
    let scalars = text.unicodeScalars
    var index = text.startIndex
    while index < text.endIndex, !isAtEnd {
      var runEnd = index
      var lastInRun = index
      while runEnd < text.endIndex, Self.isPrintableASCII(utf8[runEnd]) {
        lastInRun = runEnd
        runEnd = utf8.index(after: runEnd)
      }
      // The run's last character may begin a grapheme with what follows (e + U+0301).
      if runEnd < text.endIndex, runEnd > index { runEnd = lastInRun }
      if runEnd > index {
        putASCII(utf8[index..<runEnd], role: role)
        index = runEnd
        continue
      }
      let scalar = scalars[index]
      let afterScalar = scalars.index(after: index)
      let next = afterScalar < text.endIndex ? scalars[afterScalar] : nil
      if DisplayWidth.isSingleScalarGrapheme(scalar, followedBy: next) {
        if let glyph = DisplayWidth.glyph(for: scalar) { put(glyph, role: role) }
        index = afterScalar
        continue
      }
      DisplayWidth.forEachGlyph(of: text[index]) { put($0, role: role) }
      index = text.index(after: index)
    }
  }

  /// Writes one glyph. A wide glyph cut by the right edge becomes a blank; one whose left
  /// half falls before the left edge leaves a blank in the first column.
  mutating func put(_ glyph: Glyph, role: StyleRole) {
    if glyph.width == 2 {
      if column == left - 1 {
        write(.blank(role), at: left)
      } else if column + 1 < right {
        write(Cell(glyph.text, role: role), at: column)
        write(.continuation(role), at: column + 1)
      } else {
        write(.blank(role), at: column)
      }
      column += 2
    } else {
      write(Cell(glyph.text, role: role), at: column)
      column += 1
    }
  }

  /// Writes one narrow cell.
  mutating func put(_ cell: Cell) {
    write(cell, at: column)
    column += 1
  }

  /// Writes `cell` up to column `end` (exclusive).
  mutating func fill(to end: Int, with cell: Cell) {
    var target = max(column, left)
    let stop = min(end, right)
    while target < stop {
      cells[rowStart + target] = cell
      target += 1
    }
    column = max(column, end)
  }

  private mutating func putASCII(_ bytes: some Collection<UInt8>, role: StyleRole) {
    guard column < right else { return }
    let start = max(column, left)
    let end = min(column + bytes.count, right)
    var cell = Cell.blank(role)
    var target = column
    for byte in bytes {
      if target >= end { break }
      if target >= start {
        cell.setASCII(byte)
        cells[rowStart + target] = cell
      }
      target += 1
    }
    column = max(column, end)
  }

  @inline(__always)
  private func write(_ cell: Cell, at target: Int) {
    if target >= left, target < right { cells[rowStart + target] = cell }
  }

  @inline(__always)
  private static func isPrintableASCII(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte < 0x7F
  }
}
