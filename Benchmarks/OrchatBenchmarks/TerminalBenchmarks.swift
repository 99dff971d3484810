import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TerminalBackend
import TestSupport

/// Bytes written to the terminal when one streamed token is appended at 120x40, against
/// issue 4's budget of three times the token's own bytes plus one cursor move.
///
/// Measured two ways: the real terminal backend on a pseudo-terminal (`NcursesTerminal` on
/// `openpty`, the controller drained after each frame) and the scripted terminal, which
/// runs the same encoder for an xterm. Byte counts do not depend on the build
/// configuration; the figures are deterministic.
enum TerminalBenchmarks {
  static let size = TerminalSize(columns: 120, rows: 40)

  /// One appended token in some context.
  struct Scenario {
    var name: String
    var theme: String
    var role: StyleRole
    var token: String
  }

  static let scenarios: [Scenario] = [
    Scenario(name: "body, ASCII", theme: "dark", role: .transcriptBody, token: " the"),
    Scenario(name: "body, CJK", theme: "dark", role: .transcriptBody, token: "世界"),
    Scenario(name: "body, emoji", theme: "dark", role: .transcriptBody, token: " 🚀"),
    Scenario(name: "body, long word", theme: "dark", role: .transcriptBody, token: " compiler"),
    Scenario(name: "code block", theme: "dark", role: .code, token: " let"),
    Scenario(name: "code keyword", theme: "dark", role: .codeKeyword, token: " let"),
    Scenario(
      name: "body, themed background", theme: "solarized-dark", role: .transcriptBody, token: " the"
    ),
  ]

  static func run() async throws {
    guard TestLocale.pinUTF8() else {
      throw TerminalError.systemCall("setlocale(C.UTF-8)", errno: 0)
    }
    let catalog = ThemeCatalog(searchPath: .standard())
    print("one-token append at \(size): bytes written (budget = 3 x token bytes + one cursor move)")
    print(
      pad("scenario", 44) + pad("token", 7) + pad("budget", 8) + pad("pty", 6) + pad("scripted", 10)
    )
    for scenario in scenarios {
      let theme = catalog.load(named: scenario.theme).theme
      let frames = Frames(role: scenario.role, token: scenario.token)
      let pty = try measureOnPseudoTerminal(frames, theme: theme)
      let scripted = measureOnScriptedTerminal(frames, theme: theme)
      let tokenBytes = scenario.token.utf8.count
      let budget = 3 * tokenBytes + frames.cursorMoveBytes
      let label = "\(scenario.name) [\(scenario.theme)] \"\(scenario.token)\""
      let verdict = pty[0] <= budget ? "within" : "OVER"
      print(
        pad(label, 44) + pad("\(tokenBytes)", 7) + pad("\(budget)", 8) + pad("\(pty[0])", 6)
          + pad("\(scripted[0])", 10) + verdict)
    }
    let stream = Frames(role: .transcriptBody, token: " the", count: 100)
    let dark = catalog.load(named: "dark").theme
    let pty = try measureOnPseudoTerminal(stream, theme: dark)
    let scripted = measureOnScriptedTerminal(stream, theme: dark)
    print(
      "100 consecutive \" the\" tokens [dark], wrapping: pty \(summary(pty));"
        + " scripted \(summary(scripted))")
    print("full first frame [dark]: pty \(try firstFrameBytes(dark)) bytes")
  }

  // MARK: - Frames

  /// A chat-like screen (status line, headers, a page of body text, a code block) and the
  /// same screen after each of `count` appends of `token` to the last body line.
  struct Frames {
    var base: Frame
    var appended: [Frame]
    /// Bytes of a CUP move to the first token's position (`ESC [ row ; column H`).
    var cursorMoveBytes: Int

    init(role: StyleRole, token: String, count: Int = 1) {
      var grid = CellGrid(width: size.columns, height: size.rows)
      grid.fill(Rect(x: 0, y: size.rows - 1, width: size.columns, height: 1), with: .blank(.status))
      grid.put(
        " coder · claude-sonnet-4.5 · ctx 3.1k/1.0M · $0.0041", x: 0, y: size.rows - 1,
        role: .status)
      grid.put("you · 14:05", x: 1, y: 0, role: .transcriptUser)
      let prose =
        "Why does this borrow outlive the function? The reference returned by first_word is tied"
      for row in 1..<20 { grid.put(prose, x: 1, y: row, role: .transcriptBody) }
      for row in 20..<30 {
        grid.fill(Rect(x: 3, y: row, width: 80, height: 1), with: .blank(.code))
        grid.put("    s.split(' ').next().unwrap_or(\"\")", x: 4, y: row, role: .code)
      }
      grid.put("coder · streaming", x: 1, y: 32, role: .transcriptAssistant)
      let row = role == .code ? 29 : 33
      if role == .code { grid.fill(Rect(x: 3, y: row, width: 80, height: 1), with: .blank(.code)) }
      var column =
        grid.put("With lifetime elision the compiler infers", x: 4, y: row, role: role) + 4
      base = Frame(grid: grid, cursor: Position(x: column, y: row))
      cursorMoveBytes = "\u{1b}[\(row + 1);\(column + 1)H".utf8.count
      appended = []
      var line = row
      for _ in 0..<count {
        if column + DisplayWidth.width(of: token) > 116 {
          line += 1
          column = 4
        }
        column += grid.put(token, x: column, y: line, role: role)
        appended.append(Frame(grid: grid, cursor: Position(x: column, y: line)))
      }
    }
  }

  // MARK: - Measuring

  /// Bytes ncurses writes for each appended frame after the base frame.
  static func measureOnPseudoTerminal(_ frames: Frames, theme: Theme) throws -> [Int] {
    let opened = try BenchmarkTerminal(size: size)
    let (pty, terminal) = (opened.pty, opened.terminal)
    defer { terminal.shutdown() }
    terminal.setTheme(theme)
    var presenter = FramePresenter()
    presenter.present(frames.base, on: terminal)
    _ = pty.readOutput()
    return frames.appended.map { frame in
      presenter.present(frame, on: terminal)
      return pty.readOutput(quietPeriod: .milliseconds(50)).count
    }
  }

  static func measureOnScriptedTerminal(_ frames: Frames, theme: Theme) -> [Int] {
    let terminal = ScriptedTerminal(size: size)
    terminal.setTheme(theme)
    var presenter = FramePresenter()
    presenter.present(frames.base, on: terminal)
    return frames.appended.map { frame in
      presenter.present(frame, on: terminal)
      return terminal.presents.last?.bytes.count ?? 0
    }
  }

  static func firstFrameBytes(_ theme: Theme) throws -> Int {
    let opened = try BenchmarkTerminal(size: size)
    let (pty, terminal) = (opened.pty, opened.terminal)
    defer { terminal.shutdown() }
    terminal.setTheme(theme)
    _ = pty.readOutput()
    var presenter = FramePresenter()
    presenter.present(Frames(role: .transcriptBody, token: "").base, on: terminal)
    return pty.readOutput().count
  }

  private static func summary(_ counts: [Int]) -> String {
    let total = counts.reduce(0, +)
    let average = Double(total) / Double(max(1, counts.count))
    return "avg \((average * 10).rounded() / 10), max \(counts.max() ?? 0) bytes/token"
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    let columns = DisplayWidth.width(of: text)
    return text + String(repeating: " ", count: max(1, width - columns))
  }
}
