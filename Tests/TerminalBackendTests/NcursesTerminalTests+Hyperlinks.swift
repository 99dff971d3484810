import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import Foundation
import TestSupport
import Testing

@testable import TerminalBackend

extension NcursesTerminalTests {
  /// On a pseudo-terminal: the link is written after the frame's own drawing, between a
  /// saved and a restored cursor, and never when links are off.
  @Test func linkedCellsBecomeOSC8HyperlinksAfterTheFrameDrewThem() throws {
    let size = TerminalSize(columns: 30, rows: 8)
    for hyperlinks in [true, false] {
      let pty = try PseudoTerminal(size: size)
      let terminal = try NcursesTerminal(
        options: NcursesTerminal.Options(
          terminalType: "xterm-256color", inputDescriptor: pty.deviceDescriptor,
          outputDescriptor: pty.deviceDescriptor, installsSignalHandlers: false,
          hyperlinks: hyperlinks))
      defer { terminal.shutdown() }
      terminal.setTheme(
        ThemeCatalog(searchPath: ThemeSearchPath(directories: [])).load(named: nil).theme)
      var grid = CellGrid(width: size.columns, height: size.rows)
      grid.put("[1] Docs · swift.org", x: 1, y: 2, role: .markdownLink)
      grid.setLink(grid.addLink("https://www.swift.org/"), x: 5, y: 2, length: 16)
      var presenter = FramePresenter()
      presenter.present(Frame(grid: grid, cursor: Position(x: 0, y: 7)), on: terminal)
      let bytes = pty.readOutput()
      let output = String(decoding: bytes, as: UTF8.self)
      let open = "\u{1B}]8;;https://www.swift.org/\u{1B}\\"
      guard hyperlinks else {
        #expect(!output.contains("\u{1B}]8;"))
        continue
      }
      // The frame draws the text first; then the cursor is saved, moved to the run (row 3,
      // column 6, 1-based) and the link opened.
      let drawn = try #require(output.range(of: "Docs"))
      let link = try #require(output.range(of: open, range: drawn.upperBound..<output.endIndex))
      let before = output[drawn.upperBound..<link.lowerBound]
      #expect(before.contains("\u{1B}7"))
      #expect(before.hasSuffix("\u{1B}[3;6H") || before.contains("\u{1B}[3;6H"))
      let close = try #require(
        output.range(of: "\u{1B}]8;;\u{1B}\\", range: link.upperBound..<output.endIndex))
      #expect(output[link.upperBound..<close.lowerBound].contains("Docs · swift.org"))
      #expect(output[close.upperBound...].contains("\u{1B}8"))
      // The extra writes change nothing on screen, and leave the cursor where it was.
      var screen = TerminalScreen(columns: size.columns, rows: size.rows)
      screen.feed(bytes)
      #expect(screen.line(2) == " [1] Docs · swift.org")
      #expect(screen.cursor == Position(x: 0, y: 7))
      #expect(screen.rendition == TerminalScreen.Rendition())
      // A frame that leaves the linked row alone writes no link.
      var next = grid
      next.put("typed", x: 0, y: 5, role: .base)
      presenter.present(Frame(grid: next, cursor: Position(x: 5, y: 5)), on: terminal)
      #expect(!String(decoding: pty.readOutput(), as: UTF8.self).contains("\u{1B}]8;"))
    }
  }
}
