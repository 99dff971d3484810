import ChatDomain
import ChatUI

/// A small model of an xterm-style terminal, for tests: feed it the bytes a program wrote
/// and read back what each cell shows, in which rendition, and where the cursor is.
///
/// It understands what orchat's frames use (printable UTF-8, CR, LF, CUP, HPA, VPA, CUF,
/// CUB, CUU, CUD, ECH, ED, EL, SGR with 8, 16 and 256 colours, cursor show and hide, save
/// and restore), skips the other sequences a terminal library sends when it sets modes
/// (recorded in `skipped`), and wraps at the right margin as xterm does, with a pending
/// wrap after the last column.
///
/// - Important: Widths come from `DisplayWidth` unless `width` is given, so pin the locale
///   first (`TestLocale.pinUTF8()`).
public struct TerminalScreen: Sendable {
  public struct Rendition: Sendable, Hashable {
    public var attributes: TextAttributes = []
    /// -1 is the terminal's default colour.
    public var foreground = -1
    public var background = -1

    public init(attributes: TextAttributes = [], foreground: Int = -1, background: Int = -1) {
      self.attributes = attributes
      self.foreground = foreground
      self.background = background
    }
  }

  public struct Cell: Sendable, Hashable {
    /// The glyph; empty for the second half of a wide glyph.
    public var text: String
    public var rendition: Rendition
  }

  public let columns: Int
  public let rows: Int
  public private(set) var cells: [Cell]
  public private(set) var cursor = Position(x: 0, y: 0)
  public private(set) var isCursorVisible = true
  public private(set) var rendition = Rendition()
  /// Control sequences it did not act on, as text (mode changes and the like).
  public private(set) var skipped: [String] = []
  private var isWrapPending = false
  private var saved: (Position, Rendition)?
  private var pending: [UInt8] = []
  private let width: @Sendable (Unicode.Scalar) -> Int

  /// - Parameter width: The columns the terminal gives a scalar (0 joins it to the cell
  ///   before); `DisplayWidth`'s measure by default. A different one plays a terminal
  ///   that disagrees with orchat about some glyphs.
  public init(
    columns: Int, rows: Int,
    width: @escaping @Sendable (Unicode.Scalar) -> Int = { DisplayWidth.width(of: String($0)) }
  ) {
    self.columns = columns
    self.rows = rows
    self.width = width
    cells = Array(repeating: Cell(text: " ", rendition: Rendition()), count: columns * rows)
  }

  public subscript(x: Int, y: Int) -> Cell { cells[y * columns + x] }

  /// Row `y` as text: the second half of a wide glyph adds nothing; trailing spaces trimmed.
  public func line(_ y: Int) -> String {
    var text = ""
    for x in 0..<columns { text += self[x, y].text }
    while text.last == " " { text.removeLast() }
    return text
  }

  /// Acts on `bytes`; a sequence cut at the end waits for the next call.
  public mutating func feed(_ bytes: some Sequence<UInt8>) {
    pending += bytes
    var index = 0
    while index < pending.count {
      guard let consumed = step(pending[index...]) else { break }
      index += consumed
    }
    pending.removeFirst(index)
  }

  // MARK: - Parsing

  /// Acts on what starts `input`; returns the bytes used, or nil when it is incomplete.
  private mutating func step(_ input: ArraySlice<UInt8>) -> Int? {
    let first = input[input.startIndex]
    switch first {
    case 0x1B:
      return escape(input)
    case 0x0D:
      cursor.x = 0
      isWrapPending = false
      return 1
    case 0x0A:
      lineFeed()
      return 1
    case 0x08:
      cursor.x = max(0, cursor.x - 1)
      isWrapPending = false
      return 1
    case ..<0x20, 0x7F:
      return 1
    default:
      var decoder = UTF8()
      var iterator = input.makeIterator()
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        write(scalar)
        return UTF8.width(scalar)
      case .emptyInput:
        return nil
      case .error:
        // Incomplete at the end of what has arrived, or invalid.
        return input.count < 4 ? nil : 1
      }
    }
  }

  private mutating func escape(_ input: ArraySlice<UInt8>) -> Int? {
    let start = input.startIndex
    guard input.count >= 2 else { return nil }
    switch input[start + 1] {
    case UInt8(ascii: "["):
      var end = start + 2
      while end < input.endIndex, !(0x40...0x7E).contains(input[end]) { end += 1 }
      guard end < input.endIndex else { return nil }
      controlSequence(
        parameters: String(decoding: input[(start + 2)..<end], as: UTF8.self),
        final: input[end])
      return end - start + 1
    case UInt8(ascii: "]"):
      var end = start + 2
      while end < input.endIndex {
        if input[end] == 0x07 { return end - start + 1 }
        if input[end] == 0x1B, end + 1 < input.endIndex, input[end + 1] == UInt8(ascii: "\\") {
          return end - start + 2
        }
        end += 1
      }
      return nil
    case UInt8(ascii: "7"):
      saved = (cursor, rendition)
      return 2
    case UInt8(ascii: "8"):
      if let saved { (cursor, rendition) = saved }
      isWrapPending = false
      return 2
    case UInt8(ascii: "("), UInt8(ascii: ")"):
      return input.count >= 3 ? 3 : nil
    default:
      skipped.append("ESC " + String(UnicodeScalar(input[start + 1])))
      return 2
    }
  }

  private mutating func controlSequence(parameters: String, final: UInt8) {
    if parameters.hasPrefix("?") || parameters.hasPrefix(">") || parameters.hasPrefix("=") {
      if parameters == "?25", final == UInt8(ascii: "h") {
        isCursorVisible = true
      } else if parameters == "?25", final == UInt8(ascii: "l") {
        isCursorVisible = false
      } else {
        skipped.append("CSI \(parameters)\(String(UnicodeScalar(final)))")
      }
      return
    }
    let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map {
      Int($0) ?? 0
    }
    let first = max(1, numbers.first ?? 1)
    if final != UInt8(ascii: "m") { isWrapPending = false }
    switch final {
    case UInt8(ascii: "H"), UInt8(ascii: "f"):
      cursor.y = clampRow(first - 1)
      cursor.x = clampColumn(max(1, numbers.count > 1 ? numbers[1] : 1) - 1)
    case UInt8(ascii: "G"): cursor.x = clampColumn(first - 1)
    case UInt8(ascii: "d"): cursor.y = clampRow(first - 1)
    case UInt8(ascii: "C"): cursor.x = clampColumn(cursor.x + first)
    case UInt8(ascii: "D"): cursor.x = clampColumn(cursor.x - first)
    case UInt8(ascii: "A"): cursor.y = clampRow(cursor.y - first)
    case UInt8(ascii: "B"): cursor.y = clampRow(cursor.y + first)
    case UInt8(ascii: "X"):
      for x in cursor.x..<min(columns, cursor.x + first) { erase(x: x, y: cursor.y) }
    case UInt8(ascii: "K"):
      let range =
        numbers.first == 1
        ? 0..<(cursor.x + 1) : numbers.first == 2 ? 0..<columns : cursor.x..<columns
      for x in range { erase(x: x, y: cursor.y) }
    case UInt8(ascii: "J"):
      let all = numbers.first == 2 || numbers.first == 3
      for y in (all ? 0 : cursor.y)..<rows {
        for x in (all || y > cursor.y ? 0 : cursor.x)..<columns { erase(x: x, y: y) }
      }
    case UInt8(ascii: "m"):
      selectGraphicRendition(numbers)
    default:
      skipped.append("CSI \(parameters)\(String(UnicodeScalar(final)))")
    }
  }

  private mutating func selectGraphicRendition(_ numbers: [Int]) {
    var index = 0
    while index < numbers.count {
      let number = numbers[index]
      switch number {
      case 0: rendition = Rendition()
      case 1: rendition.attributes.insert(.bold)
      case 2: rendition.attributes.insert(.dim)
      case 3: rendition.attributes.insert(.italic)
      case 4: rendition.attributes.insert(.underline)
      case 7: rendition.attributes.insert(.reverse)
      case 22: rendition.attributes.subtract([.bold, .dim])
      case 23: rendition.attributes.remove(.italic)
      case 24: rendition.attributes.remove(.underline)
      case 27: rendition.attributes.remove(.reverse)
      case 30...37: rendition.foreground = number - 30
      case 39: rendition.foreground = -1
      case 40...47: rendition.background = number - 40
      case 49: rendition.background = -1
      case 90...97: rendition.foreground = number - 90 + 8
      case 100...107: rendition.background = number - 100 + 8
      case 38, 48:
        if index + 2 < numbers.count, numbers[index + 1] == 5 {
          if number == 38 { rendition.foreground = numbers[index + 2] }
          if number == 48 { rendition.background = numbers[index + 2] }
          index += 2
        } else {
          skipped.append("SGR \(number)")
        }
      default:
        skipped.append("SGR \(number)")
      }
      index += 1
    }
  }

  // MARK: - Writing

  private mutating func write(_ scalar: Unicode.Scalar) {
    let columns = width(scalar)
    if columns == 0 {
      // A mark joins the glyph before the cursor.
      let x = isWrapPending ? cursor.x : cursor.x - 1
      guard x >= 0 else { return }
      var target = x
      if self[target, cursor.y].text.isEmpty, target > 0 { target -= 1 }
      cells[cursor.y * self.columns + target].text.unicodeScalars.append(scalar)
      return
    }
    if isWrapPending {
      cursor.x = 0
      lineFeed()
      isWrapPending = false
    }
    if cursor.x + columns > self.columns {
      cursor.x = 0
      lineFeed()
    }
    clearHalves(x: cursor.x, y: cursor.y)
    cells[cursor.y * self.columns + cursor.x] = Cell(text: String(scalar), rendition: rendition)
    if columns == 2 {
      clearHalves(x: cursor.x + 1, y: cursor.y)
      cells[cursor.y * self.columns + cursor.x + 1] = Cell(text: "", rendition: rendition)
    }
    if cursor.x + columns >= self.columns {
      cursor.x = self.columns - 1
      isWrapPending = true
    } else {
      cursor.x += columns
    }
  }

  /// Overwriting half of a wide glyph blanks its other half, as terminals do.
  private mutating func clearHalves(x: Int, y: Int) {
    if self[x, y].text.isEmpty, x > 0 {
      cells[y * columns + x - 1].text = " "
    }
    if x + 1 < columns, self[x + 1, y].text.isEmpty, !self[x, y].text.isEmpty {
      cells[y * columns + x + 1].text = " "
    }
  }

  private mutating func erase(x: Int, y: Int) {
    clearHalves(x: x, y: y)
    cells[y * columns + x] = Cell(
      text: " ", rendition: Rendition(background: rendition.background))
  }

  private mutating func lineFeed() {
    if cursor.y + 1 < rows {
      cursor.y += 1
      return
    }
    cells.removeFirst(columns)
    cells += Array(repeating: Cell(text: " ", rendition: Rendition()), count: columns)
  }

  private func clampRow(_ y: Int) -> Int { min(max(0, y), rows - 1) }
  private func clampColumn(_ x: Int) -> Int { min(max(0, x), columns - 1) }
}
