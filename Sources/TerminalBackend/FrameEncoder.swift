import ChatDomain
import ChatRender
import ChatUI

/// Turns a frame's diff into the bytes that make the terminal show it: the cheapest cursor
/// move to each changed cell, the shortest change of rendition, the glyphs, erases for runs
/// of blanks, and the frame's cursor. Pure, so tests check the bytes and replay them.
///
/// It keeps what it knows of the terminal between frames, so a frame costs only its change:
/// - where the cursor is (`nil` when unknown: before the first frame, after the last
///   column, after a glyph whose width terminals disagree on, such as an emoji);
/// - the rendition in effect. A frame that ends in a colour leaves it set and the next one
///   changes only what differs (with a theme that colours the background, every token would
///   otherwise pay for setting it again). Whatever writes next without the encoder (a
///   suspend, the exit) first takes `resetRendition()`;
/// - whether the cursor is shown. A hidden cursor stays wherever the last glyph left it, so
///   a streamed token that continues the line needs no move at all.
///
/// It speaks ECMA-48 as xterm and its descendants take it (CUP, CUF, CUB, SGR with 8, 16
/// or 256 colours; HPA, VPA and ECH when the terminal's description has them). Why orchat
/// writes these bytes itself rather than through ncurses' `doupdate` is in
/// TerminalBackend.docc/NcursesFromSwift.md (Output).
public struct FrameEncoder: Sendable {
  /// What the terminal can do, from its terminfo description.
  public struct Capabilities: Sendable, Hashable {
    public var depth: ColorDepth
    /// False when the terminal has no "default colour": the default is then white on
    /// black, as ncurses takes it.
    public var hasDefaultColors: Bool
    /// The attributes the terminal shows; others are left out.
    public var attributes: TextAttributes
    /// Column move (`hpa`), row move (`vpa`) and erase characters (`ech`).
    public var hasColumnMove: Bool
    public var hasRowMove: Bool
    public var hasErase: Bool
    /// A line feed reaches the terminal as it is (the tty does not add a carriage return),
    /// so it moves the cursor down and keeps its column.
    public var hasBareLineFeed: Bool

    public init(
      depth: ColorDepth = .xterm256, hasDefaultColors: Bool = true,
      attributes: TextAttributes = [.bold, .dim, .italic, .underline, .reverse],
      hasColumnMove: Bool = true, hasRowMove: Bool = true, hasErase: Bool = true,
      hasBareLineFeed: Bool = true
    ) {
      self.hasBareLineFeed = hasBareLineFeed
      self.depth = depth
      self.hasDefaultColors = hasDefaultColors
      self.attributes = attributes
      self.hasColumnMove = hasColumnMove
      self.hasRowMove = hasRowMove
      self.hasErase = hasErase
    }
  }

  public var capabilities: Capabilities { pens.capabilities }
  private var pens: Pens
  /// The cursor's position on the terminal, when known.
  private var position: Position?
  /// The cursor's row when only its column is unknown (after a glyph of uncertain width).
  private var row: Int?
  /// The rendition in effect, `nil` when unknown.
  private var pen: Pen?
  /// Whether the cursor is shown, `nil` when unknown.
  private var isCursorVisible: Bool?
  /// What each cell of the terminal shows, row by row, as far as known.
  private var shown: [Shown] = []
  private var shownWidth = 0

  /// A cell as the terminal shows it: the glyph (its role and link cleared) in a pen.
  struct Shown: Sendable, Hashable {
    var glyph: Cell
    var pen: Pen

    static let cleared = Shown(glyph: .blank, pen: .plain)
    /// What an unknown cell is taken to be: nothing matches it.
    static let unknown = Shown(glyph: .blank, pen: .unknown)
  }

  public init(capabilities: Capabilities = Capabilities(), theme: Theme? = nil) {
    pens = Pens(capabilities: capabilities, theme: theme)
  }

  public mutating func setTheme(_ theme: Theme?) {
    pens.setTheme(theme)
  }

  /// Forgets what the terminal shows and holds (another program had it): the next frame
  /// must be a full one.
  public mutating func invalidate() {
    position = nil
    row = nil
    pen = nil
    isCursorVisible = nil
    shown = []
  }

  /// Appends the bytes that take the terminal from the grid before `diff` to `grid`, then
  /// put the cursor at `cursor` (hidden when `nil`). Cells outside `bounds` are clipped.
  /// A full diff clears the screen first and writes only the cells that are not blank.
  public mutating func encode(
    _ diff: GridDiff, grid: CellGrid, cursor: Position?, bounds: TerminalSize,
    into out: inout [UInt8]
  ) {
    if diff.isFull {
      out += Self.reset
      out += Array("\u{1B}[H\u{1B}[2J".utf8)
      pen = .plain
      position = Position(x: 0, y: 0)
      shown = Array(repeating: .cleared, count: grid.width * grid.height)
      shownWidth = grid.width
    } else if shown.count != grid.width * grid.height || shownWidth != grid.width {
      shown = Array(repeating: .unknown, count: grid.width * grid.height)
      shownWidth = grid.width
    }
    for run in diff.runs where run.row < min(bounds.rows, grid.height) {
      encode(run, bounds: bounds, into: &out)
    }
    place(cursor, bounds: bounds, into: &out)
  }

  /// The bytes that return the rendition to the default (none when it is): for whatever
  /// writes to the terminal next without knowing the encoder (a suspend, the exit).
  public mutating func resetRendition() -> [UInt8] {
    guard pen != .plain else { return [] }
    pen = .plain
    return Self.reset
  }

  /// The bytes that set `role`'s rendition from scratch (`nil`: the default), for text
  /// written around the frame (hyperlinks), which must end with `resetRendition()`.
  public mutating func absoluteRendition(for role: StyleRole?) -> [UInt8] {
    let target = role.map { pens.pen(for: $0) } ?? .plain
    pen = target
    return Self.rendition(from: nil, to: target)
  }

  // MARK: - Runs

  private mutating func encode(_ run: GridDiff.Run, bounds: TerminalSize, into out: inout [UInt8]) {
    let cells = run.cells
    let limit = min(cells.count, min(bounds.columns, shownWidth) - run.column)
    let y = run.row
    var index = 0
    while index < limit {
      let cell = cells[index]
      let width = index + 1 < cells.count && cells[index + 1].isContinuation ? 2 : 1
      let x = run.column + index
      let cellPen = pens.pen(for: cell.role)
      if cell.isContinuation || isShown(cell, pen: cellPen, x: x, y: y) {
        index += 1
        continue
      }
      if cell.isBlank {
        // The blanks from here (some may already show), up to the last that does not.
        var end = index + 1
        var count = 1
        while end < limit, cells[end].isBlank,
          pens.pen(for: cells[end].role).drawsBlanksLike(cellPen)
        {
          if !isShown(cells[end], pen: cellPen, x: run.column + end, y: y) {
            count = end - index + 1
          }
          end += 1
        }
        if count >= 4,
          writeErase(
            count, at: Position(x: x, y: y), pen: cellPen, endsRun: end == cells.count, into: &out)
        {
          for offset in 0..<count { show(.blank, pen: cellPen, x: x + offset, y: y) }
          index += count
          continue
        }
      }
      guard x + width <= min(bounds.columns, shownWidth) else { return }
      if let current = pen, cell.isBlank, current.drawsBlanksLike(cellPen) {
        // A space looks the same in the pen already set.
        move(to: Position(x: x, y: y), into: &out)
      } else {
        // The pen first: a short gap of unchanged cells in it is then cheaper to write again
        // than to move over.
        if let position, position.y == y, position.x < x, x - position.x < 4,
          rewrite(row: y, from: position.x, to: x, in: cellPen) != nil
        {
          setPen(cellPen, into: &out)
        }
        move(to: Position(x: x, y: y), into: &out)
        setPen(cellPen, into: &out)
      }
      cell.appendTerminalBytes(to: &out)
      show(cell, pen: cellPen, x: x, y: y)
      if width == 2 { show(.blank, pen: .unknown, x: x + 1, y: y) }
      let next = x + width
      if next >= bounds.columns {
        position = nil
        row = nil
      } else if cell.hasUncertainWidth {
        position = nil
        row = y
      } else {
        position = Position(x: next, y: y)
      }
      index += width
    }
  }

  /// Whether the terminal already shows `cell` in `pen` at (`x`, `y`).
  private func isShown(_ cell: Cell, pen cellPen: Pen, x: Int, y: Int) -> Bool {
    let current = shown[y * shownWidth + x]
    guard current.glyph == Self.glyph(of: cell) else { return false }
    return current.pen == cellPen || (cell.isBlank && current.pen.drawsBlanksLike(cellPen))
  }

  private mutating func show(_ cell: Cell, pen cellPen: Pen, x: Int, y: Int) {
    shown[y * shownWidth + x] = Shown(glyph: Self.glyph(of: cell), pen: cellPen)
  }

  private static func glyph(of cell: Cell) -> Cell {
    var glyph = cell
    glyph.role = .base
    glyph.link = 0
    return glyph
  }

  /// Erases `count` blanks at `start` with ECH when that (with the move past them, unless
  /// they end the run) is shorter than writing them; returns whether it did. ECH fills
  /// with the current background and leaves the cursor where it is.
  private mutating func writeErase(
    _ count: Int, at start: Position, pen blankPen: Pen, endsRun: Bool, into out: inout [UInt8]
  ) -> Bool {
    // Only blanks in the default background without underline or reverse: ECH gives
    // neither, and terminals without background-colour erase fill with the default.
    guard capabilities.hasErase, blankPen.background == -1,
      blankPen.attributes.isDisjoint(with: [.underline, .reverse])
    else { return false }
    let erase = Array("\u{1B}[\(count)X".utf8)
    let skip = endsRun ? 0 : 4 + String(count).utf8.count
    guard erase.count + skip < count else { return false }
    move(to: start, into: &out)
    if pen?.background != -1 { setPen(blankPen, into: &out) }
    out += erase
    return true
  }

  // MARK: - Cursor

  private mutating func place(_ cursor: Position?, bounds: TerminalSize, into out: inout [UInt8]) {
    if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < bounds.columns,
      cursor.y < bounds.rows
    {
      move(to: cursor, into: &out)
      if isCursorVisible != true { out += Array("\u{1B}[?25h".utf8) }
      isCursorVisible = true
    } else if isCursorVisible != false {
      out += Array("\u{1B}[?25l".utf8)
      isCursorVisible = false
    }
  }

  /// The cheapest bytes that take the cursor from `position` to `target`.
  private mutating func move(to target: Position, into out: inout [UInt8]) {
    defer {
      position = target
      row = nil
    }
    guard let position else {
      if row == target.y, capabilities.hasColumnMove {
        out += Array("\u{1B}[\(target.x + 1)G".utf8)
      } else {
        out += Self.absoluteMove(to: target)
      }
      return
    }
    if position == target { return }
    var best = Self.absoluteMove(to: target)
    func consider(_ candidate: [UInt8]) {
      if candidate.count < best.count { best = candidate }
    }
    if position.y == target.y {
      consider(horizontalMove(from: position.x, to: target.x, row: target.y))
    } else if position.x == target.x {
      if capabilities.hasRowMove { consider(Array("\u{1B}[\(target.y + 1)d".utf8)) }
      let gap = target.y - position.y
      consider(Array((gap > 0 ? "\u{1B}[\(gap)B" : "\u{1B}[\(-gap)A").utf8))
    }
    let down = target.y - position.y
    if capabilities.hasBareLineFeed, down > 0, down <= 3 {
      // Line feeds keep the column; then along the new row.
      let feeds = [UInt8](repeating: 0x0A, count: down)
      if target.x == position.x {
        consider(feeds)
      } else if best.count > down {
        consider(feeds + horizontalMove(from: position.x, to: target.x, row: nil))
      }
    }
    out += best
  }

  /// The cheapest bytes along a row from column `start` to `end` (`row`: where the cells
  /// between may be written again, `nil` when they may not).
  private func horizontalMove(from start: Int, to end: Int, row y: Int?) -> [UInt8] {
    guard start != end else { return [] }
    var best: [UInt8] = end == 0 ? [0x0D] : Array("\u{1B}[\(end + 1)G".utf8)
    if end != 0, !capabilities.hasColumnMove { best = Array("\r\u{1B}[\(end)C".utf8) }
    let gap = end - start
    let relative = Array(
      (gap == 1
        ? "\u{1B}[C" : gap > 0 ? "\u{1B}[\(gap)C" : gap == -1 ? "\u{1B}[D" : "\u{1B}[\(-gap)D").utf8
    )
    if relative.count < best.count { best = relative }
    if let y, gap > 0, gap < best.count, let rewrite = rewrite(row: y, from: start, to: end) {
      best = rewrite
    }
    return best
  }

  /// The cells between two columns written again to move over them: only when each is a
  /// printable ASCII character the terminal shows in a pen that looks the same as the one
  /// already set.
  private func rewrite(row y: Int, from start: Int, to end: Int, in candidate: Pen? = nil)
    -> [UInt8]?
  {
    guard let current = candidate ?? pen, end <= shownWidth else { return nil }
    var bytes: [UInt8] = []
    for x in start..<end {
      let cell = shown[y * shownWidth + x]
      let value = cell.glyph.baseValue
      guard !cell.glyph.hasMarks, value >= 0x20, value < 0x7F,
        cell.pen == current || (value == 0x20 && cell.pen.drawsBlanksLike(current))
      else { return nil }
      bytes.append(UInt8(value))
    }
    return bytes
  }

  static func absoluteMove(to target: Position) -> [UInt8] {
    if target.x == 0, target.y == 0 { return Array("\u{1B}[H".utf8) }
    return Array("\u{1B}[\(target.y + 1);\(target.x + 1)H".utf8)
  }

  // MARK: - Rendition

  private mutating func setPen(_ target: Pen, into out: inout [UInt8]) {
    guard pen != target else { return }
    out += Self.rendition(from: pen, to: target)
    pen = target
  }
}
