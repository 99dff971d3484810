import ChatDomain
import ChatRender
import ChatUI
import TestSupport
import Testing

@testable import TerminalBackend

/// The bytes that make linked cells OSC 8 hyperlinks after ncurses drew them, with a fake
/// `sgr` that names the role it was asked for.
@Suite struct HyperlinkTrackerTests {
  let bounds = TerminalSize(columns: 20, rows: 4)

  /// The grids measure wide glyphs, which depends on the process's locale.
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  func sgr(_ role: StyleRole?) -> [UInt8] { Array("<\(role?.rawValue ?? "normal")>".utf8) }

  func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  /// A grid with `[1] Docs · swift.org` on row 1, the part after the label linked.
  func linked(url: String = "https://www.swift.org/") -> CellGrid {
    var grid = CellGrid(width: 20, height: 4)
    grid.put("[1] ", x: 0, y: 1, role: .muted)
    grid.put("Docs", x: 4, y: 1, role: .markdownLink)
    grid.put(" · swift.org", x: 8, y: 1, role: .markdownLinkURL)
    grid.setLink(grid.addLink(url), x: 4, y: 1, length: 16)
    return grid
  }

  @Test func aLinkedRunIsWrittenBetweenOSC8AndTheCursorIsRestored() {
    var tracker = HyperlinkTracker()
    let grid = linked()
    let bytes = tracker.bytes(
      for: grid, diff: GridDiff(from: nil, to: grid), bounds: bounds, sgr: sgr)
    #expect(
      text(bytes)
        == "<normal>\u{1B}7\u{1B}[2;5H\u{1B}]8;;https://www.swift.org/\u{1B}\\<markdown.link>Docs"
        + "<markdown.link_url> · swift.org\u{1B}]8;;\u{1B}\\<normal>\u{1B}8")
  }

  @Test func nothingIsWrittenWhenNoLinkedRowChanged() {
    var tracker = HyperlinkTracker()
    let grid = linked()
    _ = tracker.bytes(for: grid, diff: GridDiff(from: nil, to: grid), bounds: bounds, sgr: sgr)
    var next = grid
    next.put("typing", x: 0, y: 3, role: .base)
    #expect(
      tracker.bytes(for: next, diff: GridDiff(from: grid, to: next), bounds: bounds, sgr: sgr)
        .isEmpty)
    // A change on the linked row writes the link again (ncurses may have redrawn its cells).
    var edited = next
    edited.put("!", x: 0, y: 1, role: .muted)
    let again = text(
      tracker.bytes(for: edited, diff: GridDiff(from: next, to: edited), bounds: bounds, sgr: sgr))
    #expect(again.contains("\u{1B}]8;;https://www.swift.org/\u{1B}\\"))
  }

  @Test func aLinkThatGoesAwayIsWrittenAgainWithoutOne() {
    var tracker = HyperlinkTracker()
    let grid = linked()
    _ = tracker.bytes(for: grid, diff: GridDiff(from: nil, to: grid), bounds: bounds, sgr: sgr)
    // The same text, no longer linked: ncurses sees nothing to change, the terminal still
    // holds the link, so the cells are written again outside any link.
    var plain = CellGrid(width: 20, height: 4)
    plain.put("[1] ", x: 0, y: 1, role: .muted)
    plain.put("Docs", x: 4, y: 1, role: .markdownLink)
    plain.put(" · swift.org", x: 8, y: 1, role: .markdownLinkURL)
    let bytes = text(
      tracker.bytes(for: plain, diff: GridDiff(from: grid, to: plain), bounds: bounds, sgr: sgr))
    #expect(
      bytes
        == "<normal>\u{1B}7\u{1B}[2;5H<markdown.link>Docs<markdown.link_url> · swift.org<normal>\u{1B}8"
    )
  }

  @Test func aNewURLForTheSameCellsIsWritten() {
    var tracker = HyperlinkTracker()
    let grid = linked()
    _ = tracker.bytes(for: grid, diff: GridDiff(from: nil, to: grid), bounds: bounds, sgr: sgr)
    let other = linked(url: "https://docs.swift.org/")
    // Same cells (link id 1 both times), another URL: the link table tells.
    #expect(GridDiff(from: grid, to: other).isEmpty)
    let bytes = text(
      tracker.bytes(for: other, diff: GridDiff(from: grid, to: other), bounds: bounds, sgr: sgr))
    #expect(bytes.contains("\u{1B}]8;;https://docs.swift.org/\u{1B}\\"))
  }

  @Test func wideGlyphsAreWrittenOnceAndRunsStopAtTheTerminalsEdge() {
    var tracker = HyperlinkTracker()
    var grid = CellGrid(width: 20, height: 4)
    grid.put("世界 page title!", x: 2, y: 0, role: .markdownLink)
    grid.setLink(grid.addLink("https://example.org/"), x: 2, y: 0, length: 18)
    let narrow = TerminalSize(columns: 10, rows: 4)
    let bytes = text(
      tracker.bytes(for: grid, diff: GridDiff(from: nil, to: grid), bounds: narrow, sgr: sgr))
    #expect(
      bytes.contains(
        "\u{1B}[1;3H\u{1B}]8;;https://example.org/\u{1B}\\<markdown.link>世界 pag\u{1B}]8;;\u{1B}\\"))
  }

  @Test func terminalsKnownToTakeLinksAndOthers() {
    #expect(
      HyperlinkSupport.isLikely(environment: ["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]))
    #expect(HyperlinkSupport.isLikely(environment: ["TERM": "xterm-kitty"]))
    #expect(
      HyperlinkSupport.isLikely(environment: ["TERM": "xterm-256color", "VTE_VERSION": "7600"]))
    #expect(HyperlinkSupport.isLikely(environment: ["TERM": "foot"]))
    #expect(!HyperlinkSupport.isLikely(environment: ["TERM": "xterm-256color"]))
    #expect(
      !HyperlinkSupport.isLikely(environment: ["TERM": "xterm-256color", "VTE_VERSION": "4800"]))
    #expect(
      !HyperlinkSupport.isLikely(environment: ["TERM": "tmux-256color", "TERM_PROGRAM": "tmux"]))
    #expect(
      !HyperlinkSupport.isLikely(environment: [
        "TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app", "TMUX": "/tmp/t,1,0",
      ]))
    #expect(!HyperlinkSupport.isLikely(environment: [:]))
  }
}
