import ChatDomain
import ChatUI

/// One terminal cell: a reduced grapheme (see `DisplayWidth`) and the role that styles it.
///
/// A wide glyph occupies its leading cell and a following continuation cell, whose `text`
/// is empty and which is never painted on its own.
///
/// The glyph is stored as its base scalar and up to four combining marks (all that
/// `DisplayWidth` ever puts in one cell, and what an ncurses `cchar_t` holds) rather than
/// as a `String`, so a cell is a 16-byte plain value: grids fill, copy and compare without
/// reference counting or much memory traffic, which is most of the cost of a frame. Marks
/// are kept when they are in the Basic Multilingual Plane, where nearly all combining
/// marks are; the rare supplementary-plane marks (Brahmi, musical symbols, ideographic
/// variation selectors) are dropped. Every byte of a cell is a field (`link` fills what
/// would be padding), so rows can be compared bytewise (`GridDiff`).
///
/// A cell may belong to a hyperlink: `link` is then an id in its grid's `links` table
/// (`CellGrid.addLink(_:)`), and a backend that can makes the run of such cells a link
/// (OSC 8). 0 is no link.
public struct Cell: Sendable, Hashable {
  /// The base scalar's value; 0 for a continuation cell.
  private var base: UInt32
  /// Combining marks in order; 0 ends the list.
  private var mark1: UInt16 = 0
  private var mark2: UInt16 = 0
  private var mark3: UInt16 = 0
  private var mark4: UInt16 = 0
  public var role: StyleRole
  public var isContinuation: Bool
  /// The hyperlink this cell belongs to: an id in its grid's `links`, 0 for none. Also makes
  /// the layout free of padding.
  public var link: UInt16 = 0

  /// A cell holding `text`: its first scalar and up to four combining marks after it.
  public init(_ text: String = " ", role: StyleRole = .base, isContinuation: Bool = false) {
    self.role = role
    self.isContinuation = isContinuation
    var scalars = text.unicodeScalars.makeIterator()
    base = scalars.next()?.value ?? 0
    var count = 0
    while count < 4, let scalar = scalars.next() {
      guard let mark = UInt16(exactly: scalar.value) else { continue }
      switch count {
      case 0: mark1 = mark
      case 1: mark2 = mark
      case 2: mark3 = mark
      default: mark4 = mark
      }
      count += 1
    }
  }

  /// A cell holding one printable ASCII character (the fast path of `CellGrid.put`).
  init(ascii: UInt8, role: StyleRole) {
    base = UInt32(ascii)
    self.role = role
    isContinuation = false
  }

  /// A cell holding one scalar without marks (the fast path of `RowPainter`).
  init(scalar: Unicode.Scalar, role: StyleRole) {
    base = scalar.value
    self.role = role
    isContinuation = false
  }

  /// Makes a plain cell hold one printable ASCII character instead (lets a loop reuse one
  /// cell value and store it whole).
  @inline(__always)
  mutating func setASCII(_ ascii: UInt8) {
    base = UInt32(ascii)
  }

  public static let blank = Cell()

  /// A blank cell in `role` (a background fill).
  public static func blank(_ role: StyleRole) -> Cell { Cell(ascii: 0x20, role: role) }

  static func continuation(_ role: StyleRole) -> Cell {
    var cell = Cell(ascii: 0, role: role)
    cell.isContinuation = true
    return cell
  }

  /// The glyph's text; empty for a continuation cell.
  public var text: String {
    var scalars = String.UnicodeScalarView()
    forEachScalar { scalars.append($0) }
    return String(scalars)
  }

  /// The base scalar's value (0 for a continuation cell): lets a backend classify a glyph
  /// without building its text.
  public var baseValue: UInt32 { base }

  /// Whether combining marks follow the base scalar.
  public var hasMarks: Bool { mark1 != 0 }

  /// Calls `body` with each scalar of the glyph, base first, without allocating (for the
  /// backend's conversion to `wchar_t`).
  public func forEachScalar(_ body: (Unicode.Scalar) -> Void) {
    for index in 0..<5 {
      let value =
        switch index {
        case 0: base
        case 1: UInt32(mark1)
        case 2: UInt32(mark2)
        case 3: UInt32(mark3)
        default: UInt32(mark4)
        }
      guard value != 0, let scalar = Unicode.Scalar(value) else { return }
      body(scalar)
    }
  }
}
