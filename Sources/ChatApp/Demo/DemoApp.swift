import ChatDomain
import ChatCore
import ChatRender
import ChatUI
import Foundation
import TerminalBackend

/// `orchat demo`: draws the sample transcript in the chosen theme on the real terminal
/// until `q` (or Ctrl-C, or a termination signal), reporting each input in the status line.
///
/// It exercises the backend end to end (themes, colours, wide characters, resize, keys,
/// mouse, paste) and is what the tmux tests drive.
public enum DemoApp {
  public struct Options: Sendable {
    /// `--theme`; `nil` for the configured default.
    public var themeName: String?
    /// `--themes-dir`, searched before the user and shipped themes.
    public var themesDirectory: String?
    public var isMouseEnabled = true
    /// Traps right after the first frame, so a test can check that the crash guard gives
    /// the terminal back (`--crash-after-first-frame`, hidden).
    public var crashesAfterFirstFrame = false

    public init(
      themeName: String? = nil, themesDirectory: String? = nil, isMouseEnabled: Bool = true,
      crashesAfterFirstFrame: Bool = false
    ) {
      self.themeName = themeName
      self.themesDirectory = themesDirectory
      self.isMouseEnabled = isMouseEnabled
      self.crashesAfterFirstFrame = crashesAfterFirstFrame
    }
  }

  /// Runs the demo on standard input and output.
  ///
  /// - Returns: The process exit status: 0 after `q`, 128 + signal after a termination
  ///   signal, 1 when the terminal cannot be opened (the reason goes to standard error).
  public static func run(_ options: Options) -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    let catalog = ThemeCatalog(searchPath: .standard(explicitDirectory: options.themesDirectory))
    let selection = catalog.load(
      named: options.themeName, colorDisabled: ThemeCatalog.isColorDisabled(in: environment))
    let terminal: NcursesTerminal
    do {
      terminal = try NcursesTerminal(options: .init(isMouseEnabled: options.isMouseEnabled))
    } catch {
      printError("orchat: \(error)")
      return 1
    }
    terminal.setTheme(selection.theme)
    var screen = DemoScreen(themeName: selection.theme.name)
    screen.notice = selection.problems.first.map {
      "\($0.userMessage); using \(selection.theme.name)"
    }
    if options.crashesAfterFirstFrame {
      var presenter = FramePresenter()
      presenter.present(screen.frame(size: terminal.size), on: terminal)
      fatalError("orchat demo: deliberate crash (--crash-after-first-frame)")
    }
    let status = loop(terminal: terminal, screen: &screen)
    terminal.shutdown()
    for problem in selection.problems { printError(problem.userMessage) }
    return status
  }

  /// Presents and reacts until the demo should end; returns the exit status.
  static func loop(terminal: some Terminal, screen: inout DemoScreen) -> Int32 {
    var presenter = FramePresenter()
    while true {
      presenter.present(screen.frame(size: terminal.size), on: terminal)
      for event in terminal.readEvents(timeout: nil) {
        switch event {
        case .key(KeyEvent.character("q")), .key(KeyEvent.control("c")):
          return 0
        case .key(let key):
          screen.lastInput = key.description
          screen.scroll(by: key, size: terminal.size)
        case .paste(let text):
          let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
          screen.lastInput = "paste: \(text.count) characters, \(lines) lines"
        case .mouse(let mouse):
          screen.lastInput = "mouse \(mouse)"
          if mouse.kind == .wheelUp { screen.scrollOffset = max(0, screen.scrollOffset - 3) }
          if mouse.kind == .wheelDown { screen.scrollOffset += 3 }
        case .resize:
          presenter.invalidate()
        case .terminationRequested(let signal):
          return 128 + signal
        case .inputClosed:
          return 0
        case .wake:
          break
        }
      }
      screen.scrollOffset = min(screen.scrollOffset, DemoScreen.maximumScroll(for: terminal.size))
    }
  }

  private static func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}

extension DemoScreen {
  /// Scrolls for the navigation keys; other keys leave the view alone.
  mutating func scroll(by key: KeyEvent, size: TerminalSize) {
    let page = max(1, size.rows - 4)
    switch key.key {
    case .up: scrollOffset -= 1
    case .down: scrollOffset += 1
    case .pageUp: scrollOffset -= page
    case .pageDown: scrollOffset += page
    case .home: scrollOffset = 0
    case .end: scrollOffset = DemoScreen.maximumScroll(for: size)
    default: return
    }
    scrollOffset = min(max(0, scrollOffset), DemoScreen.maximumScroll(for: size))
  }
}
