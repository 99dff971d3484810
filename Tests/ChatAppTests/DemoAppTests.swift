import ChatDomain
import ChatRender
import ChatUI
import TerminalBackend
import TestSupport
import Testing

@testable import ChatApp

/// The demo's loop on the scripted terminal: what it presents and when it stops.
@Suite struct DemoAppTests {
  private let size = TerminalSize(columns: 80, rows: 24)

  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  private func run(_ script: [[TerminalEvent]], size: TerminalSize? = nil) -> (
    Int32, ScriptedTerminal
  ) {
    let terminal = ScriptedTerminal(size: size ?? self.size, script: script)
    var screen = DemoScreen(themeName: "dark")
    let status = DemoApp.loop(terminal: terminal, screen: &screen)
    return (status, terminal)
  }

  @Test func qQuitsWithStatusZeroAfterOneFullFrame() {
    let (status, terminal) = run([[.key(.character("q"))]])
    #expect(status == 0)
    #expect(terminal.presents.count == 1)
    #expect(terminal.presents.first?.diff.isFull == true)
    #expect(terminal.screenLines.first?.hasPrefix("┌─ orchat demo · theme dark ") == true)
  }

  @Test func eachInputIsDescribedInTheStatusLineAndRedrawsOnlyThatRow() {
    let (_, terminal) = run([[.key(.control("x"))], [.paste("a\nb")], [.key(.character("q"))]])
    #expect(terminal.presents.count == 3)
    #expect(terminal.presents[1].diff.changedRows == [23])
    #expect(terminal.presents[1].frame.grid.text(ofRow: 23).contains("last input: Ctrl+X · 80x24"))
    #expect(terminal.screenLines[23].contains("last input: paste: 3 characters, 2 lines"))
  }

  @Test func aResizeRedrawsEverythingAtTheNewSize() {
    let narrow = TerminalSize(columns: 60, rows: 20)
    let (_, terminal) = run([[.resize(narrow)], [.key(.character("q"))]])
    let last = terminal.presents.last
    #expect(last?.diff.isFull == true)
    #expect(last?.frame.grid.width == 60 && last?.frame.grid.height == 20)
    #expect(terminal.screenLines.allSatisfy { TerminalText.columns(of: $0) <= 60 })
  }

  @Test func scrollingMovesTheTranscriptAndStopsAtTheEnds() {
    let small = TerminalSize(columns: 80, rows: 12)
    let (_, terminal) = run(
      [
        [.key(KeyEvent(.pageDown))], [.key(KeyEvent(.end))], [.key(KeyEvent(.home))],
        [.key(.character("q"))],
      ],
      size: small)
    let firstRows = terminal.presents.map { $0.frame.grid.text(ofRow: 1) }
    #expect(firstRows[0].contains("you · 14:02"))
    #expect(!firstRows[1].contains("you · 14:02"))
    #expect(firstRows[3] == firstRows[0])
  }

  @Test func terminationAndClosedInputEndTheLoop() {
    #expect(run([[.terminationRequested(signal: 15)]]).0 == 143)
    #expect(run([]).0 == 0)  // the script runs out: input closed
  }

  @Test func aTinyTerminalGetsANoticeNotACrash() {
    let (status, terminal) = run(
      [[.key(.character("q"))]], size: TerminalSize(columns: 10, rows: 3))
    #expect(status == 0)
    #expect(terminal.screenLines == ["Too small:", "", ""])
  }
}
