import ChatDomain
import ChatRender
import ChatUI

/// Writes linked cells as OSC 8 hyperlinks after the frame that drew them.
///
/// After the encoder has written a frame, each run of linked cells on a row the frame changed
/// is written again, with the same characters and attributes, between an OSC 8 opening
/// (`ESC ] 8 ; ; URL ESC \`) and closing (`ESC ] 8 ; ; ESC \`). What the encoder believes of
/// the terminal stays true: the characters are the ones it drew, the cursor is saved and
/// restored around the writes (`ESC 7`, `ESC 8`), and the attributes end at normal. A run that
/// was a link and no longer is gets its cells written again without one, so no stale link
/// stays behind.
///
/// Pure, so tests check the exact bytes.
public struct HyperlinkTracker: Sendable {
  /// A run of linked cells as last written.
  struct Run: Sendable, Hashable {
    var column: Int
    var length: Int
    var url: String
  }

  /// Runs written, by row.
  private(set) var runs: [Int: [Run]] = [:]
  /// The link table of the last frame.
  private(set) var links: [String] = []

  public init() {}

  /// The bytes that make the links of `grid` true on screen after the frame drew `diff`, or
  /// nothing when no link is involved.
  /// - Parameters:
  ///   - bounds: The terminal's size; rows and columns beyond it are not written.
  ///   - sgr: The bytes that set a role's attributes from scratch (`nil`: back to normal);
  ///     called in the order the bytes go out.
  public mutating func bytes(
    for grid: CellGrid, diff: GridDiff, bounds: TerminalSize, sgr: (StyleRole?) -> [UInt8]
  ) -> [UInt8] {
    // Nothing linked now, before, or in the table: nothing to do (every frame asks).
    if runs.isEmpty, links.isEmpty, grid.links.isEmpty { return [] }
    let changed = diff.changedRows
    let rows: [Int]
    if diff.isFull || grid.links != links {
      rows = Array(0..<grid.height)
    } else {
      rows = changed.sorted()
    }
    if diff.isFull { runs = [:] }
    links = grid.links
    var body: [UInt8] = []
    for y in rows where y < bounds.rows {
      let old = runs[y] ?? []
      let new = grid.linkRuns(row: y).map { Run(column: $0.column, length: $0.length, url: $0.url) }
      guard !old.isEmpty || !new.isEmpty else { continue }
      runs[y] = new.isEmpty ? nil : new
      // A row the diff left alone whose runs are the same needs nothing.
      guard changed.contains(y) || diff.isFull || old != new else { continue }
      for stale in old where !new.contains(stale) {
        write(
          grid, row: y, from: stale.column, length: stale.length, url: nil, bounds: bounds,
          sgr: sgr, into: &body)
      }
      for run in new {
        write(
          grid, row: y, from: run.column, length: run.length, url: run.url, bounds: bounds,
          sgr: sgr, into: &body)
      }
    }
    guard !body.isEmpty else { return [] }
    // Normal attributes first, so that what `ESC 8` restores is what the encoder believes.
    return sgr(nil) + Array("\u{1B}7".utf8) + body + sgr(nil) + Array("\u{1B}8".utf8)
  }

  private func write(
    _ grid: CellGrid, row y: Int, from x: Int, length: Int, url: String?, bounds: TerminalSize,
    sgr: (StyleRole?) -> [UInt8], into bytes: inout [UInt8]
  ) {
    let end = min(x + length, grid.width, bounds.columns)
    guard x < end else { return }
    bytes += Array("\u{1B}[\(y + 1);\(x + 1)H".utf8)
    if let url { bytes += Array("\u{1B}]8;;\(url)\u{1B}\\".utf8) }
    var role: StyleRole?
    for column in x..<end {
      let cell = grid[column, y]
      if cell.isContinuation { continue }
      if role != cell.role {
        role = cell.role
        bytes += sgr(cell.role)
      }
      let text = cell.text
      bytes += Array((text.isEmpty ? " " : text).utf8)
    }
    if url != nil { bytes += Array("\u{1B}]8;;\u{1B}\\".utf8) }
  }
}

/// Whether a terminal is likely to show OSC 8 hyperlinks, from its environment.
///
/// Terminals that do not know OSC 8 are meant to ignore it, but some older ones print it,
/// so orchat only writes links where the terminal is known to take them; `hyperlinks` in
/// `config.toml` decides either way. Inside tmux or screen the answer depends on the
/// multiplexer's version and settings and the terminal outside it: no, unless configured.
public enum HyperlinkSupport {
  public static func isLikely(environment: [String: String]) -> Bool {
    let term = environment["TERM"] ?? ""
    if environment["TMUX"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux") {
      return false
    }
    if term.isEmpty || term == "dumb" || term == "linux" { return false }
    let programs = [
      "iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby", "rio", "contour",
    ]
    if let program = environment["TERM_PROGRAM"], programs.contains(program) { return true }
    if environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil { return true }
    if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
    let terms = ["xterm-kitty", "foot", "alacritty", "wezterm", "xterm-ghostty", "contour"]
    return terms.contains { term.hasPrefix($0) }
  }
}
