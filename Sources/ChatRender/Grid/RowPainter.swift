import ChatDomain
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

  /// Writes text, stopping once the clip's right edge is reached. The UTF-8 bytes are
  /// decoded in place: printable ASCII and other scalars that are graphemes on their own
  /// (`DisplayWidth.isSingleScalarGrapheme`) become cells directly; only from the first
  /// grapheme of several scalars (a flag, a ZWJ sequence, a base with marks) on does the
  /// rest go through grapheme segmentation. This is the per-cell cost of every frame.
  mutating func put(_ text: some StringProtocol, role: StyleRole) {
    let stopped = text.utf8.withContiguousStorageIfAvailable { putScalars($0, role: role) }
    let offset = stopped ?? 0
    guard offset < text.utf8.count, !isAtEnd else { return }
    let rest = text.utf8.index(text.startIndex, offsetBy: offset)
    putGraphemes(Substring(text[rest...]), role: role)
  }

  /// Writes the scalars of `bytes` (valid UTF-8) that are graphemes on their own. Returns
  /// the offset of the first byte it could not write that way (`bytes.count` when all
  /// were written or the clip's right edge was reached).
  private mutating func putScalars(_ bytes: UnsafeBufferPointer<UInt8>, role: StyleRole) -> Int {
    var cell = Cell.blank(role)
    let count = bytes.count
    var offset = 0
    while offset < count {
      guard column < right else { return count }
      let byte = bytes[offset]
      // Printable ASCII followed by ASCII (or nothing) is a grapheme on its own.
      if Self.isPrintableASCII(byte), offset + 1 == count || bytes[offset + 1] < 0x80 {
        if column >= left {
          cell.setASCII(byte)
          cells[rowStart + column] = cell
        }
        column += 1
        offset += 1
        continue
      }
      let (scalar, length) = Self.decode(bytes, at: offset)
      let next = offset + length < count ? Self.decode(bytes, at: offset + length).scalar : nil
      guard DisplayWidth.isSingleScalarGrapheme(scalar, followedBy: next) else { return offset }
      switch DisplayWidth.of(scalar) {
      case 1: put(Cell(scalar: scalar, role: role), width: 1, role: role)
      case 2: put(Cell(scalar: scalar, role: role), width: 2, role: role)
      case 0: break  // a lone zero-width scalar takes no column
      default: put(Cell(scalar: "\u{FFFD}", role: role), width: 1, role: role)
      }
      offset += length
    }
    return count
  }

  /// The scalar starting at `offset` of valid UTF-8 and its length in bytes.
  @inline(__always)
  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int)
    -> (scalar: Unicode.Scalar, length: Int)
  {
    let lead = UInt32(bytes[offset])
    let value: UInt32
    let length: Int
    switch lead {
    case ..<0x80:
      return (Unicode.Scalar(UInt8(lead)), 1)
    case ..<0xE0:
      value = (lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
      length = 2
    case ..<0xF0:
      value =
        (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6
        | UInt32(bytes[offset + 2] & 0x3F)
      length = 3
    default:
      value =
        (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
        | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
      length = 4
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// Writes text grapheme by grapheme (the general path, for flags, ZWJ sequences and
  /// marks), fast-pathing single-scalar graphemes as `putScalars` does.
  private mutating func putGraphemes(_ text: Substring, role: StyleRole) {
    let scalars = text.unicodeScalars
    var index = text.startIndex
    while index < text.endIndex, !isAtEnd {
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
    put(Cell(glyph.text, role: role), width: glyph.width, role: role)
  }

  /// Writes a glyph's cell that is `width` columns wide (1 or 2).
  private mutating func put(_ cell: Cell, width: Int, role: StyleRole) {
    if width == 2 {
      if column == left - 1 {
        write(.blank(role), at: left)
      } else if column + 1 < right {
        write(cell, at: column)
        write(.continuation(role), at: column + 1)
      } else {
        write(.blank(role), at: column)
      }
      column += 2
    } else {
      write(cell, at: column)
      column += 1
    }
  }

  /// Writes cells as they are, continuation cells included (a row drawn before; see
  /// `LineRowCache`).
  mutating func put(cells row: [Cell]) {
    let start = max(column, left)
    let end = min(column + row.count, right)
    if start < end {
      row.withUnsafeBufferPointer { source in
        guard let from = source.baseAddress, let to = cells.baseAddress else { return }
        (to + rowStart + start).update(from: from + (start - column), count: end - start)
      }
      // A wide glyph cut by either edge of the clip leaves a blank, as `put(_:role:)` does.
      if row[start - column].isContinuation {
        cells[rowStart + start] = .blank(row[start - column].role)
      }
      if end - column < row.count, row[end - column].isContinuation {
        cells[rowStart + end - 1] = .blank(row[end - 1 - column].role)
      }
    }
    column += row.count
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

  @inline(__always)
  private func write(_ cell: Cell, at target: Int) {
    if target >= left, target < right { cells[rowStart + target] = cell }
  }

  @inline(__always)
  private static func isPrintableASCII(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte < 0x7F
  }
}
