import Foundation
import TestSupport
import Testing

/// `orchat demo` under tmux: the real binary and the real app (its run loop, reducer and
/// views, on a sample session), real ncurses, a real terminal emulator.
/// Each test has its own tmux server; tmux missing is a failure, not a skip. Serialized:
/// a dozen tmux servers and demos at once would load a 2-core machine enough to upset the
/// timing-sensitive tests running beside them.
@Suite(.serialized) struct DemoEndToEndTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  /// A tmux session running the demo with `arguments`, plus a scratch directory for files
  /// the shell writes (stty state, exit status, pid).
  private func startDemo(
    _ arguments: String = "", columns: Int = 90, rows: Int = 40, environment: String = ""
  ) async throws -> (TmuxSession, String) {
    let binary = try BinaryRunner.orchat().executable
    let scratch = NSTemporaryDirectory() + "orchat-e2e-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    let demo =
      "env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 \(environment)"
      + " \(TmuxSession.shellQuoted(binary)) demo \(arguments)"
    // The inner shell records its pid and becomes the demo (exec), so a signal sent to that
    // pid reaches the demo while the outer shell stays to record what happened after it.
    let inner = "echo $$ > \(scratch)/pid; exec \(demo)"
    let script = """
      stty -g > \(scratch)/before; sh -c \(TmuxSession.shellQuoted(inner)); \
      echo "exit=$?"; stty -g > \(scratch)/after; echo DONE; sleep 60
      """
    let session = try await TmuxSession.start(columns: columns, rows: rows, command: script)
    return (session, scratch)
  }

  private func contents(_ path: String) -> String {
    ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(path)>")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The display column of a code block's rule (`│`) on `line`, the pane's own left border
  /// skipped.
  private func codeRule(_ line: String) -> Int? {
    let body = line.dropFirst()
    guard let rule = body.firstIndex(of: "│") else { return nil }
    return 1 + TerminalText.columns(of: body[..<rule])
  }

  /// The display column of a table's first column separator (`│` or `┼`) on `line`, the
  /// pane's own left border skipped.
  private func columnSeparator(_ line: String) -> Int? {
    let body = line.dropFirst()
    guard let separator = body.firstIndex(where: { "│┼".contains($0) }) else { return nil }
    return 1 + TerminalText.columns(of: body[..<separator])
  }

  @Test func transcriptShowsWithWideCharactersAligned() async throws {
    let (tmux, _) = try await startDemo()
    let screen = try #require(await tmux.waitForText("Show me hello world"))
    let text = screen.joined(separator: "\n")
    #expect(text.contains("orchat · Hello world, twice"))
    #expect(text.contains("こんにちは世界"))
    #expect(text.contains("print(\"Hello, \\(name)! 🚀\")"))

    // The code block's rule runs down one column, CJK and emoji lines included.
    let block = screen.drop { !$0.contains("┌─ swift") }.prefix { !$0.contains("└─") }
    let rules = Set(block.dropFirst().map(codeRule))
    #expect(block.count == 6)  // the label and five code lines
    #expect(rules.count == 1 && rules.first != nil, "code rule columns: \(rules)")

    // The table's column separator sits at one column in every row, CJK and emoji included.
    let table = screen.drop { !$0.contains("language │ greeting") }.prefix(4)
    let separators = Set(table.map(columnSeparator))
    #expect(table.count == 4)
    #expect(table.contains { $0.contains("日本語") } && table.contains { $0.contains("hello 👋") })
    #expect(separators.count == 1 && separators.first != nil, "table separators: \(separators)")
  }

  @Test func resizingTheWindowRewrapsTheTranscript() async throws {
    let (tmux, _) = try await startDemo()
    let sentence =
      "In Japanese, こんにちは世界 (konnichiwa sekai) means hello world. Emoji such as 🎉 👍 😀"
      + " take two columns, like CJK, and the text still wraps by display width."
    func paragraph(_ screen: [String]) -> String {
      screen.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) }
        .joined(separator: " ")
    }
    let wide = try #require(await tmux.waitForText("Show me hello world"))
    #expect(paragraph(wide).contains(sentence))
    let wideLines = wide.filter { $0.contains("(konnichiwa") || $0.contains("take two") }

    await tmux.resize(columns: 60, rows: 40)
    let narrow = try #require(
      await tmux.waitForScreen { screen in
        screen.allSatisfy { TerminalText.columns(of: $0) <= 60 }
          && paragraph(screen).contains(sentence)
      })
    // Re-wrapped: the paragraph takes more rows at 60 columns.
    let narrowLines = narrow.filter { line in
      ["In Japanese", "konnichiwa", "Emoji", "take two", "display width"].contains {
        line.contains($0)
      }
    }
    #expect(narrowLines.count > wideLines.count)
    let block = narrow.drop { !$0.contains("┌─ swift") }.prefix { !$0.contains("└─") }
    #expect(block.count == 6)
    #expect(Set(block.dropFirst().map(codeRule)).count == 1)
  }

  @Test func quittingLeavesTheAlternateScreenAndRestoresTheTerminal() async throws {
    let (tmux, scratch) = try await startDemo()
    try #require(await tmux.waitForText("Show me hello world") != nil)
    #expect(await tmux.display("#{alternate_on}") == "1")
    await tmux.sendKeys("C-c")
    await tmux.sendKeys("C-c")
    let screen = try #require(await tmux.waitForText("DONE"))
    #expect(screen.contains("exit=0"))
    #expect(!screen.joined().contains("Show me hello world"))
    #expect(await tmux.display("#{alternate_on}") == "0")
    #expect(contents(scratch + "/after") == contents(scratch + "/before"))
  }

  @Test(arguments: [("TERM", 15), ("INT", 2), ("HUP", 1)])
  func aTerminationSignalRestoresTheTerminal(signal: String, number: Int) async throws {
    let (tmux, scratch) = try await startDemo()
    try #require(await tmux.waitForText("Show me hello world") != nil)
    #expect(await TmuxSession.shell("kill -\(signal) $(cat \(scratch)/pid)") == 0)
    let screen = try #require(await tmux.waitForText("DONE"))
    #expect(screen.contains("exit=\(128 + number)"))
    #expect(await tmux.display("#{alternate_on}") == "0")
    #expect(contents(scratch + "/after") == contents(scratch + "/before"))
  }

  /// The crash guard: a trap restores the terminal, then Swift's own crash report runs.
  @Test func aCrashRestoresTheTerminal() async throws {
    // Without the backtracer (which would symbolicate for seconds on a loaded machine) the
    // previous action is the default one: the process dies of the signal.
    let (tmux, scratch) = try await startDemo(
      "--crash-after-first-frame", environment: "SWIFT_BACKTRACE=enable=no")
    let screen = try #require(await tmux.waitForText("DONE", timeout: .seconds(30)))
    let status = screen.first { $0.hasPrefix("exit=") }
    #expect(status == "exit=132" || status == "exit=133", "SIGILL or SIGTRAP: \(status ?? "none")")
    #expect(await tmux.display("#{alternate_on}") == "0")
    #expect(contents(scratch + "/after") == contents(scratch + "/before"))
  }

  @Test func keysPastesAndMouseReportsReachTheApp() async throws {
    // 24 rows: the sample session is taller than the transcript, so the wheel can scroll it.
    let (tmux, _) = try await startDemo(rows: 24)
    try #require(await tmux.waitForText("Show me hello world") != nil)
    // Keys a decoder must get right before the text: none of them may type anything.
    for key in ["Escape", "Escape", "F5", "M-x", "BTab", "C-Up"] { await tmux.sendKeys(key) }
    await tmux.sendKeys("你")
    await tmux.sendKeys("C-j")
    await tmux.sendLiteral("好")
    try await tmux.waitForScreen { screen in
      screen.contains { $0.hasPrefix("││ 你") || $0.contains("│ 你 ") }
        && screen.contains { $0.contains("│ 好") }
    }
    await tmux.paste("pasted 中文\nline2 😀")
    try await tmux.waitForScreen { screen in
      screen.contains { $0.contains("好pasted 中文") } && screen.contains { $0.contains("line2 😀") }
    }
    // An X10 mouse report (tmux-256color's kmous): wheel down over the transcript scrolls it.
    await tmux.sendLiteral("\u{1b}[Ma&$")
    try await tmux.waitForScreen { screen in !screen.contains { $0.contains("Show me hello world") }
    }
  }

  @Test func theChosenThemeColoursTheScreenAndNoColorRemovesColour() async throws {
    let (themed, _) = try await startDemo("--theme high-contrast")
    try #require(await themed.waitForText("Show me hello world") != nil)
    #expect(await themed.captureWithEscapes().contains("48;5;16"))  // #000000 background

    let (plain, _) = try await startDemo("--theme high-contrast", environment: "NO_COLOR=1")
    try #require(await plain.waitForText("Show me hello world") != nil)
    let plainScreen = await plain.captureWithEscapes()
    #expect(!plainScreen.contains("38;5;"))
  }

  @Test func aMissingThemeIsReportedAndTheDefaultUsed() async throws {
    let (tmux, _) = try await startDemo("--theme no-such-theme")
    let screen = try #require(await tmux.waitForText("using dark"))
    #expect(screen.contains { $0.contains("no theme named 'no-such-theme'") })
  }
}
