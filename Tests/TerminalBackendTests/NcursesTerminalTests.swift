import CNcursesw
import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import Foundation
import Glibc
import Synchronization
import TestSupport
import Testing

@testable import TerminalBackend

/// Every test that opens ncurses (process-global state) lives in this one serialized suite;
/// two serialized suites would still run in parallel with each other.
@Suite(.serialized) struct NcursesTerminalTests {
  private let size = TerminalSize(columns: 30, rows: 8)

  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  private func openTerminal(
    _ pty: PseudoTerminal, wake: WakeSignal? = nil
  ) throws -> NcursesTerminal {
    let options = NcursesTerminal.Options(
      terminalType: "xterm-256color", inputDescriptor: pty.deviceDescriptor,
      outputDescriptor: pty.deviceDescriptor, installsSignalHandlers: false)
    return try NcursesTerminal(options: options, wake: wake)
  }

  private var defaultTheme: Theme {
    ThemeCatalog(searchPath: ThemeSearchPath(directories: [])).load(named: nil).theme
  }

  /// Reads events until `count` have arrived or a read times out.
  private func events(_ terminal: NcursesTerminal, count: Int) -> [TerminalEvent] {
    var events: [TerminalEvent] = []
    while events.count < count {
      let batch = terminal.readEvents(timeout: .seconds(2))
      if batch.isEmpty { break }
      events += batch
    }
    return events
  }

  // MARK: - Output

  @Test func wideTextAndThemeColoursReachTheScreen() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    terminal.setTheme(defaultTheme)
    var grid = CellGrid(width: size.columns, height: size.rows)
    grid.put("Hello 世界 😀!", x: 0, y: 0, role: .transcriptUser)
    grid.put("code", x: 2, y: 2, role: .markdownInlineCode)
    var presenter = FramePresenter()
    presenter.present(Frame(grid: grid, cursor: Position(x: 3, y: 4)), on: terminal)
    let bytes = pty.readOutput()
    let output = String(decoding: bytes, as: UTF8.self)
    var screen = TerminalScreen(columns: size.columns, rows: size.rows)
    screen.feed(bytes)

    #expect(screen.line(0) == "Hello 世界 😀!")
    #expect(screen.line(2) == "  code")
    let user = screen[0, 0].rendition
    #expect((user.foreground, user.background) == (179, -1))  // #d7af5f on default
    #expect(user.attributes.contains(.bold))
    let code = screen[2, 2].rendition
    #expect((code.foreground, code.background) == (115, 236))  // #87d7af on #303030
    #expect(screen.cursor == Position(x: 3, y: 4))
    #expect(screen.isCursorVisible)
    #expect(output.contains("\u{1b}[?1049h"))  // alternate screen
    #expect(output.contains("\u{1b}[?2004h"))  // bracketed paste
    #expect(output.contains("\u{1b}[?1006;1000h"))  // SGR mouse reporting
  }

  /// Themes bring any number of distinct colours (ncurses' colour pairs, which ran out at
  /// 256 or 32,767, are no longer involved): each one reaches the screen.
  @Test func everyThemeColourReachesTheScreen() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    var presenter = FramePresenter()
    var screen = TerminalScreen(columns: size.columns, rows: size.rows)
    for round in 0..<8 {
      var styles: [StyleRole: ThemeStyle] = [:]
      var expected: [(Int, Int)] = []
      for (index, role) in StyleRole.allCases.enumerated() {
        let number = round * StyleRole.allCases.count + index
        let foreground = ThemeColor.rgb(ColorMapping.xterm256RGB(16 + number % 216))
        let background = ThemeColor.rgb(ColorMapping.xterm256RGB(232 + number / 216))
        styles[role] = ThemeStyle(foreground: foreground, background: background)
        expected.append((16 + number % 216, 232 + number / 216))
      }
      terminal.setTheme(Theme(name: "t\(round)", isDark: true, palette: [:], styles: styles))
      var grid = CellGrid(width: size.columns, height: size.rows)
      for (index, role) in StyleRole.allCases.enumerated() {
        grid.put("x", x: index % size.columns, y: index / size.columns, role: role)
      }
      presenter.invalidate()
      presenter.present(Frame(grid: grid), on: terminal)
      screen.feed(pty.readOutput(quietPeriod: .milliseconds(20)))
      for (index, colors) in expected.enumerated() {
        let rendition = screen[index % size.columns, index / size.columns].rendition
        #expect((rendition.foreground, rendition.background) == colors)
      }
    }
  }

  /// The one-token-append budget of issue 4: at most three times the token's bytes plus
  /// one cursor move, measured on what ncurses writes to a real pseudo-terminal.
  @Test func appendingATokenWritesLittleMoreThanTheToken() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    terminal.setTheme(defaultTheme)
    var presenter = FramePresenter()
    var grid = CellGrid(width: size.columns, height: size.rows)
    grid.put("The answer is", x: 0, y: 5, role: .transcriptBody)
    presenter.present(Frame(grid: grid, cursor: Position(x: 13, y: 5)), on: terminal)
    _ = pty.readOutput()
    grid.put(" forty", x: 13, y: 5, role: .transcriptBody)
    presenter.present(Frame(grid: grid, cursor: Position(x: 19, y: 5)), on: terminal)
    let bytes = pty.readOutput()
    let budget = 3 * " forty".utf8.count + "\u{1b}[6;20H".utf8.count
    #expect(String(decoding: bytes, as: UTF8.self).contains(" forty"))
    #expect(bytes.count <= budget)
  }

  /// Attribute changes carry no character-set switch (`ESC ( B`, which terminfo's xterm
  /// entries put in every attribute change) and bold is turned on and off where it belongs.
  @Test func attributeChangesCarryNoCharacterSetSwitch() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    terminal.setTheme(defaultTheme)
    var presenter = FramePresenter()
    var grid = CellGrid(width: size.columns, height: size.rows)
    grid.put("plain", x: 0, y: 1, role: .transcriptBody)
    presenter.present(Frame(grid: grid), on: terminal)
    var screen = TerminalScreen(columns: size.columns, rows: size.rows)
    screen.feed(pty.readOutput())
    grid.put(" bold", x: 5, y: 1, role: .markdownBold)
    grid.put(" plain", x: 10, y: 1, role: .transcriptBody)
    presenter.present(Frame(grid: grid), on: terminal)
    let bytes = pty.readOutput()
    screen.feed(bytes)
    #expect(!String(decoding: bytes, as: UTF8.self).contains("\u{1b}(B"))
    #expect(screen.line(1) == "plain bold plain")
    #expect(screen[6, 1].rendition.attributes.contains(.bold))
    #expect(!screen[11, 1].rendition.attributes.contains(.bold))
  }

  /// An OSC 52 copy of a megabyte through a terminal left in non-blocking mode (the file
  /// description is shared with the shell, which may have set it): every byte arrives.
  @Test func aLongControlSequenceArrivesWholeThroughANonBlockingTerminal() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    _ = pty.readOutput()
    let flags = fcntl(pty.deviceDescriptor, F_GETFL)
    _ = fcntl(pty.deviceDescriptor, F_SETFL, flags | O_NONBLOCK)
    defer { _ = fcntl(pty.deviceDescriptor, F_SETFL, flags) }
    let payload = Data((0..<786_432).map { UInt8(truncatingIfNeeded: $0 &* 7) })
      .base64EncodedString()
    let sequence = "\u{1b}]52;c;\(payload)\u{07}"
    let controller = pty.controllerDescriptor
    let received = Mutex<[UInt8]>([])
    let done = DispatchSemaphore(value: 0)
    Thread {
      received.withLock { $0 = Self.readUntilBell(controller, timeout: .seconds(20)) }
      done.signal()
    }.start()
    terminal.sendControlSequence(sequence)
    done.wait()
    let bytes = received.withLock { $0 }
    #expect(bytes.count == sequence.utf8.count)
    #expect(String(decoding: bytes, as: UTF8.self) == sequence)
  }

  /// What the controller side receives up to and including the first BEL, or everything
  /// that came before `timeout`.
  private static func readUntilBell(_ descriptor: Int32, timeout: Duration) -> [UInt8] {
    let deadline = ContinuousClock.now + timeout
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while ContinuousClock.now < deadline {
      var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&entry, 1, 100) > 0 else { continue }
      let count = read(descriptor, &buffer, buffer.count)
      guard count > 0 else { continue }
      if let bell = buffer[0..<count].firstIndex(of: 0x07) {
        bytes += buffer[0...bell]
        return bytes
      }
      bytes += buffer[0..<count]
    }
    return bytes
  }

  // MARK: - Input

  @Test func typedKeysDecodeThroughTerminfo() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    // Up twice: in application mode (what ncurses asks for) and in normal mode.
    pty.type(
      "a你🚀\r\n\t\u{1b}[Z\u{7f}\u{1b}[3~\u{1b}OA\u{1b}[A\u{1b}[1;5A\u{1b}[1;3D"
        + "\u{1b}OP\u{1b}[15;5~\u{1b}[5~\u{3}")
    #expect(
      events(terminal, count: 17) == [
        .key(.character("a")), .key(.character("你")), .key(.character("🚀")),
        .key(KeyEvent(.enter)), .key(.control("j")), .key(KeyEvent(.tab)),
        .key(KeyEvent(.tab, .shift)), .key(KeyEvent(.backspace)), .key(KeyEvent(.delete)),
        .key(KeyEvent(.up)), .key(KeyEvent(.up)), .key(KeyEvent(.up, .control)),
        .key(KeyEvent(.left, .alt)),
        .key(KeyEvent(.function(1))), .key(KeyEvent(.function(5), .control)),
        .key(KeyEvent(.pageUp)), .key(.control("c")),
      ])
  }

  @Test func escapeAloneIsEscapeAndEscapeLetterIsAlt() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    pty.type("\u{1b}x")
    #expect(events(terminal, count: 1) == [.key(KeyEvent(.character("x"), .alt))])
    pty.type("\u{1b}")
    #expect(events(terminal, count: 1) == [.key(KeyEvent(.escape))])
  }

  @Test func bracketedPasteArrivesAsOneEvent() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    pty.type("\u{1b}[200~pasted 中文\rline2 😀\u{1b}[201~z")
    #expect(events(terminal, count: 2) == [.paste("pasted 中文\nline2 😀"), .key(.character("z"))])
  }

  @Test func mouseWheelAndClicksDecode() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    // SGR (1006) reports, as xterm-256color's kmous announces. A press and its release are
    // typed apart, as a hand does: ncurses keeps only the release when both come in one read.
    pty.type("\u{1b}[<0;5;3M")
    #expect(events(terminal, count: 1) == [.mouse(MouseEvent(.press(.left), x: 4, y: 2))])
    pty.type("\u{1b}[<0;5;3m")
    #expect(events(terminal, count: 1) == [.mouse(MouseEvent(.release(.left), x: 4, y: 2))])
    pty.type("\u{1b}[<64;1;1M\u{1b}[<65;2;2M")
    #expect(
      events(terminal, count: 2) == [
        .mouse(MouseEvent(.wheelUp, x: 0, y: 0)), .mouse(MouseEvent(.wheelDown, x: 1, y: 1)),
      ])
  }

  @Test func resizeIsReportedWithTheNewSize() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    let newSize = TerminalSize(columns: 44, rows: 12)
    pty.resize(to: newSize)
    terminal.refreshSize()
    #expect(events(terminal, count: 1) == [.resize(newSize)])
    #expect(terminal.size == newSize)
  }

  @Test func wakeSignalFromAnotherThreadEndsTheWait() throws {
    let pty = try PseudoTerminal(size: size)
    let wake = try WakeSignal()
    let terminal = try openTerminal(pty, wake: wake)
    defer { terminal.shutdown() }
    Thread { wake.signal() }.start()
    #expect(terminal.readEvents(timeout: nil) == [.wake])
  }

  @Test func hangupIsReportedOnceThenTheInputIsIgnored() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    pty.hangUp()
    #expect(terminal.readEvents(timeout: .seconds(2)).contains(.inputClosed))
    #expect(terminal.readEvents(timeout: .milliseconds(20)).isEmpty)
  }

  // MARK: - Lifecycle

  @Test func shutdownRestoresTheModesAndLeavesTheAlternateScreen() throws {
    let pty = try PseudoTerminal(size: size)
    var before = termios()
    tcgetattr(pty.deviceDescriptor, &before)
    let terminal = try openTerminal(pty)
    var during = termios()
    tcgetattr(pty.deviceDescriptor, &during)
    _ = pty.readOutput()
    terminal.shutdown()
    var after = termios()
    tcgetattr(pty.deviceDescriptor, &after)
    let output = String(decoding: pty.readOutput(), as: UTF8.self)

    #expect(during.c_lflag & tcflag_t(ICANON) == 0)
    #expect(after.c_lflag == before.c_lflag)
    #expect(after.c_iflag == before.c_iflag)
    #expect(after.c_oflag == before.c_oflag)
    #expect(output.contains("\u{1b}[?1049l"))
    #expect(output.contains("\u{1b}[?2004l"))
  }

  @Test func mouseAndBracketedPasteCanBeTurnedOff() throws {
    let pty = try PseudoTerminal(size: size)
    let options = NcursesTerminal.Options(
      terminalType: "xterm-256color", inputDescriptor: pty.deviceDescriptor,
      outputDescriptor: pty.deviceDescriptor, isMouseEnabled: false,
      isBracketedPasteEnabled: false, installsSignalHandlers: false)
    let terminal = try NcursesTerminal(options: options)
    defer { terminal.shutdown() }
    terminal.setTheme(defaultTheme)
    var presenter = FramePresenter()
    presenter.present(Frame(grid: CellGrid(width: size.columns, height: size.rows)), on: terminal)
    let output = String(decoding: pty.readOutput(), as: UTF8.self)
    #expect(!output.contains("\u{1b}[?1000h") && !output.contains("\u{1b}[?1006"))
    #expect(!output.contains("\u{1b}[?2004h"))
  }

  @Test func onlyOneTerminalOpensAtATime() throws {
    let pty = try PseudoTerminal(size: size)
    let terminal = try openTerminal(pty)
    defer { terminal.shutdown() }
    #expect(throws: TerminalError.alreadyActive) { try openTerminal(pty) }
  }

  @Test func anUnknownTerminalTypeIsAClearError() throws {
    let pty = try PseudoTerminal(size: size)
    let options = NcursesTerminal.Options(
      terminalType: "no-such-terminal", inputDescriptor: pty.deviceDescriptor,
      outputDescriptor: pty.deviceDescriptor, installsSignalHandlers: false)
    #expect(throws: TerminalError.unknownTerminalType("no-such-terminal")) {
      try NcursesTerminal(options: options)
    }
    let next = try openTerminal(pty)  // the failed attempt left nothing behind
    next.shutdown()
  }

  @Test func aDescriptorThatIsNotATerminalIsRefused() throws {
    let null = open("/dev/null", O_RDWR)
    defer { close(null) }
    let options = NcursesTerminal.Options(
      terminalType: "xterm-256color", inputDescriptor: null, outputDescriptor: null,
      installsSignalHandlers: false)
    #expect(throws: TerminalError.notATerminal(descriptor: null)) {
      try NcursesTerminal(options: options)
    }
  }
}
