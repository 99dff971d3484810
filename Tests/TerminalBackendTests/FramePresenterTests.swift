import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TestSupport
import Testing

@testable import TerminalBackend

@Suite struct FramePresenterTests {
  private let size = TerminalSize(columns: 20, rows: 4)

  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  private func frame(_ lines: [String], cursor: Position? = nil) -> Frame {
    var grid = CellGrid(width: size.columns, height: size.rows)
    for (row, line) in lines.enumerated() { grid.put(line, x: 0, y: row, role: .transcriptBody) }
    return Frame(grid: grid, cursor: cursor)
  }

  @Test func firstFrameIsFullAndLaterFramesPaintOnlyChangedRows() {
    let terminal = ScriptedTerminal(size: size)
    var presenter = FramePresenter()
    let first = presenter.present(frame(["hello", "世界 ok"]), on: terminal)
    let second = presenter.present(
      frame(["hello", "世界 ok!"], cursor: Position(x: 8, y: 1)), on: terminal)
    #expect(first.isFull)
    #expect(!second.isFull)
    #expect(second.changedRows == [1])
    #expect(terminal.presents.last?.paintedCells == 1)
    #expect(terminal.screenLines == ["hello", "世界 ok!", "", ""])
    #expect(terminal.cursor == Position(x: 8, y: 1))
  }

  @Test func invalidateMakesTheNextFrameFull() {
    let terminal = ScriptedTerminal(size: size)
    var presenter = FramePresenter()
    presenter.present(frame(["a"]), on: terminal)
    presenter.invalidate()
    #expect(presenter.present(frame(["a"]), on: terminal).isFull)
  }

  @Test func scriptedEventsArriveInBatchesThenInputCloses() {
    let newSize = TerminalSize(columns: 30, rows: 5)
    let terminal = ScriptedTerminal(
      size: size, script: [[.key(.character("a"))], [.resize(newSize)]])
    #expect(terminal.readEvents(timeout: nil) == [.key(.character("a"))])
    #expect(terminal.readEvents(timeout: nil) == [.resize(newSize)])
    #expect(terminal.size == newSize)
    #expect(terminal.readEvents(timeout: nil) == [.inputClosed])
  }

  @Test func scriptedTerminalWaitsOnItsWakeSignalOnceTheScriptIsUsedUp() throws {
    let wake = try WakeSignal()
    let terminal = ScriptedTerminal(size: size, wake: wake)
    wake.signal()
    #expect(terminal.readEvents(timeout: nil) == [.wake])
    #expect(terminal.readEvents(timeout: .milliseconds(1)).isEmpty)
  }

  /// The cursor already sits where the token goes and body text is in the terminal's own
  /// colours (default theme), so the append costs exactly the token's bytes.
  @Test func appendingATokenAtTheCursorCostsOnlyItsBytes() {
    let theme = ThemeCatalog(searchPath: ThemeSearchPath(directories: [])).load(named: nil).theme
    let terminal = ScriptedTerminal(size: size)
    terminal.setTheme(theme)
    var presenter = FramePresenter()
    presenter.present(frame(["hello"], cursor: Position(x: 5, y: 0)), on: terminal)
    presenter.present(frame(["hello world"], cursor: Position(x: 11, y: 0)), on: terminal)
    let bytes = terminal.presents.last?.bytes ?? []
    #expect(String(decoding: bytes, as: UTF8.self) == " world")
  }
}
