import Testing

@testable import ChatCommands

/// `orchat doctor`'s terminal lines, judged from fixed facts.
@Suite struct TerminalChecksTests {
  func facts(
    _ environment: [String: String] = ["TERM": "xterm-256color", "LANG": "C.UTF-8"],
    terminal: Bool = true, size: (Int, Int)? = (120, 40), codeset: String? = "UTF-8",
    mouseOff: Bool = false, clipboardProgram: String? = nil
  ) -> TerminalFacts {
    TerminalFacts(
      environment: environment, inputIsTerminal: terminal, outputIsTerminal: terminal,
      size: size.map { (columns: $0.0, rows: $0.1) }, codeset: codeset,
      mouseDisabledByConfig: mouseOff, clipboardProgram: clipboardProgram)
  }

  func check(_ id: String, _ facts: TerminalFacts) throws -> DoctorCheck {
    try #require(TerminalChecks.evaluate(facts).first { $0.id == id })
  }

  @Test func aCapableTerminalPasses() throws {
    let checks = TerminalChecks.evaluate(
      facts(["TERM": "xterm-kitty", "LANG": "en_US.UTF-8", "COLORTERM": "truecolor"]))
    #expect(checks.map(\.id) == ["terminal", "locale", "clipboard", "mouse"])
    #expect(checks.allSatisfy { $0.status == .pass }, "\(checks.map(\.line))")
    #expect(checks[0].summary == "TERM=xterm-kitty, truecolor, 120×40")
    #expect(checks[1].summary == "LANG=en_US.UTF-8 (UTF-8)")
  }

  @Test func withoutATerminalNothingFails() throws {
    let checks = TerminalChecks.evaluate(
      facts(["LANG": "C"], terminal: false, size: nil, codeset: "ANSI_X3.4-1968"))
    #expect(checks.allSatisfy { $0.status == .info }, "\(checks.map(\.line))")
    #expect(checks[0].summary.hasPrefix("not run from a terminal (TERM=unset, no colours)"))
  }

  @Test func aDumbTerminalFails() throws {
    let dumb = try check("terminal", facts(["TERM": "dumb", "LANG": "C.UTF-8"]))
    #expect(dumb.status == .fail)
    #expect(dumb.advice?.contains("TERM=xterm-256color") == true)
    #expect(try check("terminal", facts(["LANG": "C.UTF-8"])).status == .fail)
  }

  @Test func aSmallWindowWarns() throws {
    let small = try check("terminal", facts(size: (50, 12)))
    #expect(small.status == .warn)
    #expect(small.summary == "TERM=xterm-256color, 256 colours, 50×12")
    #expect(small.advice == "the app needs at least 60×16; enlarge the window")
    #expect(try check("terminal", facts(size: nil)).summary.hasSuffix("size unknown"))
  }

  @Test func colourDepthAndNoColor() throws {
    #expect(
      TerminalChecks.colorDescription(facts(["TERM": "xterm", "COLORTERM": "24bit"])) == "truecolor"
    )
    #expect(TerminalChecks.colorDescription(facts(["TERM": "screen-256color"])) == "256 colours")
    #expect(TerminalChecks.colorDescription(facts(["TERM": "vt220"])) == "8 colours")
    #expect(
      TerminalChecks.colorDescription(facts(["TERM": "xterm-256color", "NO_COLOR": "1"]))
        == "colours off (NO_COLOR)")
  }

  @Test func aLocaleWithoutUTF8FailsOnATerminal() throws {
    let missing = try check(
      "locale", facts(["TERM": "xterm", "LANG": "en_GB.UTF-8"], codeset: "ANSI_X3.4-1968"))
    #expect(missing.status == .fail)
    #expect(missing.summary.hasPrefix("LANG=en_GB.UTF-8 gives character set ANSI_X3.4-1968"))
    #expect(
      missing.advice == "that locale is not installed: use C.UTF-8, or generate it (locale-gen)")
    let latin = try check(
      "locale",
      facts(["TERM": "xterm", "LC_ALL": "de_DE", "LANG": "C.UTF-8"], codeset: "ISO-8859-1"))
    #expect(latin.summary.hasPrefix("LC_ALL=de_DE"))
    #expect(latin.advice == "set LANG=C.UTF-8 (or another UTF-8 locale)")
  }

  @Test func clipboardIsGuessedFromTheTerminal() throws {
    #expect(
      try check("clipboard", facts(["TERM": "screen-256color", "TMUX": "/tmp/t,1,0"])).status
        == .pass)
    #expect(try check("clipboard", facts(["TERM": "screen"])).status == .warn)
    #expect(
      try check("clipboard", facts(["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"])).status
        == .pass)
    let vte = facts(["TERM": "xterm-256color", "VTE_VERSION": "7600"])
    let unlikely = try check("clipboard", vte)
    #expect(unlikely.status == .warn)
    #expect(unlikely.advice?.contains("--no-mouse") == true)
    var withXclip = vte
    withXclip.clipboardProgram = "xclip"
    let covered = try check("clipboard", withXclip)
    #expect(covered.status == .pass)
    #expect(covered.summary.hasSuffix("xclip is used instead"))
    #expect(try check("clipboard", facts(["TERM": "xterm-256color"])).status == .info)
  }

  @Test func mouseReporting() throws {
    #expect(try check("mouse", facts()).status == .pass)
    #expect(try check("mouse", facts(["TERM": "linux"])).status == .warn)
    #expect(
      try check("mouse", facts(mouseOff: true)).summary == "off (mouse = false in config.toml)")
    #expect(try check("mouse", facts(["TERM": "vt100"])).status == .info)
  }

  @Test func linesSaySymbolNameFindingAndAdvice() {
    let line = DoctorCheck("api_key", .fail, "not set", advice: "export OPENROUTER_API_KEY=…").line
    #expect(line == "✗ api key: not set — export OPENROUTER_API_KEY=…")
    #expect(DoctorCheck("x", .warn, "w").line == "! x: w")
    #expect(DoctorCheck("x", .info, "i").line == "· x: i")
    #expect(DoctorCheck("x", .pass, "p").line == "✓ x: p")
  }
}
