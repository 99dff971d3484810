/// The terminal lines of `orchat doctor`, judged from `TerminalFacts` alone (no I/O), so
/// every branch is testable.
///
/// Policy: a check fails only when the full-screen app cannot work in the terminal it was
/// run from (no usable `TERM`, a locale without UTF-8). Run through a pipe or from a
/// script, there is no terminal to judge: the lines are `info` and never fail the run.
/// Clipboard and mouse support can only be guessed from the environment, so they warn at
/// worst.
enum TerminalChecks {
  static func evaluate(_ facts: TerminalFacts) -> [DoctorCheck] {
    [terminal(facts), locale(facts), clipboard(facts), mouse(facts)]
  }

  static func terminal(_ facts: TerminalFacts) -> DoctorCheck {
    let colors = colorDescription(facts)
    guard facts.isTerminal else {
      return DoctorCheck(
        "terminal", .info,
        "not run from a terminal (TERM=\(facts.term ?? "unset"), \(colors)); "
          + "the full-screen app needs one")
    }
    guard let term = facts.term, term != "dumb" else {
      return DoctorCheck(
        "terminal", .fail, "TERM is \(facts.term ?? "not set"): the full-screen app cannot draw",
        advice: "set TERM to your terminal's type, e.g. export TERM=xterm-256color")
    }
    var summary = "TERM=\(term), \(colors)"
    guard let size = facts.size else {
      return DoctorCheck("terminal", .pass, summary + ", size unknown")
    }
    summary += ", \(size.columns)×\(size.rows)"
    let minimum = TerminalFacts.minimumSize
    if size.columns < minimum.columns || size.rows < minimum.rows {
      return DoctorCheck(
        "terminal", .warn, summary,
        advice: "the app needs at least \(minimum.columns)×\(minimum.rows); enlarge the window")
    }
    return DoctorCheck("terminal", .pass, summary)
  }

  /// `truecolor`, `256 colours`, `8 colours` or `colours off (NO_COLOR)`, guessed from
  /// `COLORTERM` and `TERM` the way most programs do.
  static func colorDescription(_ facts: TerminalFacts) -> String {
    if let noColor = facts.environment["NO_COLOR"], !noColor.isEmpty {
      return "colours off (NO_COLOR)"
    }
    let colorTerm = (facts.environment["COLORTERM"] ?? "").lowercased()
    if colorTerm == "truecolor" || colorTerm == "24bit" { return "truecolor" }
    let term = (facts.term ?? "").lowercased()
    if term.contains("256color") || term.contains("truecolor") || term.contains("direct")
      || ["xterm-kitty", "xterm-ghostty", "alacritty", "foot", "wezterm"].contains(term)
    {
      return "256 colours"
    }
    if term.isEmpty || term == "dumb" { return "no colours" }
    return "8 colours"
  }

  static func locale(_ facts: TerminalFacts) -> DoctorCheck {
    let setting =
      facts.localeSetting.map { "\($0.name)=\($0.value)" } ?? "no LANG, LC_ALL or LC_CTYPE"
    let codeset = facts.codeset ?? "unknown"
    let isUTF8 = ["utf-8", "utf8"].contains(codeset.lowercased())
    if isUTF8 { return DoctorCheck("locale", .pass, "\(setting) (UTF-8)") }
    let requested = facts.localeSetting?.value.lowercased() ?? ""
    let advice =
      requested.contains("utf-8") || requested.contains("utf8")
      ? "that locale is not installed: use C.UTF-8, or generate it (locale-gen)"
      : "set LANG=C.UTF-8 (or another UTF-8 locale)"
    guard facts.isTerminal else {
      return DoctorCheck("locale", .info, "\(setting) (character set \(codeset)); \(advice)")
    }
    return DoctorCheck(
      "locale", .fail,
      "\(setting) gives character set \(codeset): the app's borders and non-ASCII text will not show",
      advice: advice)
  }

  /// Whether `y` and `/copy` can reach the clipboard by OSC 52, guessed from the terminal.
  static func clipboard(_ facts: TerminalFacts) -> DoctorCheck {
    let fallback = facts.clipboardProgram.map { "; \($0) is used too" } ?? ""
    guard facts.isTerminal else {
      return DoctorCheck("clipboard", .info, "not a terminal; copying uses OSC 52\(fallback)")
    }
    let environment = facts.environment
    let term = (facts.term ?? "").lowercased()
    let program = environment["TERM_PROGRAM"] ?? ""
    enum Verdict {
      case likely(String)
      case unlikely(String)
      case unknown
    }
    let verdict: Verdict
    if facts.isInsideTmux {
      verdict = .likely("inside tmux: OSC 52 passes when tmux has `set -g set-clipboard on`")
    } else if term.hasPrefix("screen") {
      verdict = .unlikely("GNU screen does not pass OSC 52 on")
    } else if term == "linux" {
      verdict = .unlikely("the Linux console has no clipboard")
    } else if ["xterm-kitty", "alacritty", "foot", "xterm-ghostty", "wezterm"].contains(term)
      || ["WezTerm", "iTerm.app", "ghostty", "vscode"].contains(program)
      || environment["WT_SESSION"] != nil || environment["KITTY_WINDOW_ID"] != nil
    {
      verdict = .likely("\(program.isEmpty ? term : program) supports OSC 52")
    } else if environment["VTE_VERSION"] != nil {
      verdict = .unlikely("VTE terminals (GNOME Terminal, Tilix, …) ignore OSC 52")
    } else if program == "Apple_Terminal" {
      verdict = .unlikely("Terminal.app ignores OSC 52")
    } else if environment["XTERM_VERSION"] != nil {
      verdict = .unlikely("xterm ignores OSC 52 unless allowWindowOps is set")
    } else {
      verdict = .unknown
    }
    switch verdict {
    case .likely(let why):
      return DoctorCheck("clipboard", .pass, "OSC 52 likely works (\(why))\(fallback)")
    case .unknown:
      return DoctorCheck(
        "clipboard", .info, "cannot tell whether this terminal accepts OSC 52\(fallback)")
    case .unlikely(let why):
      if let program = facts.clipboardProgram {
        return DoctorCheck(
          "clipboard", .pass, "OSC 52 unlikely (\(why)); \(program) is used instead")
      }
      return DoctorCheck(
        "clipboard", .warn, "OSC 52 unlikely (\(why))",
        advice:
          "copy with the terminal's own selection (run with --no-mouse), or install wl-copy or xclip"
      )
    }
  }

  /// Whether the wheel and clicks will reach the app.
  static func mouse(_ facts: TerminalFacts) -> DoctorCheck {
    if facts.mouseDisabledByConfig {
      return DoctorCheck("mouse", .info, "off (mouse = false in config.toml)")
    }
    guard facts.isTerminal else {
      return DoctorCheck("mouse", .info, "not a terminal")
    }
    let term = (facts.term ?? "").lowercased()
    let xtermLike = [
      "xterm", "screen", "tmux", "rxvt", "alacritty", "foot", "kitty", "wezterm", "ghostty",
      "st-", "konsole", "gnome", "vte",
    ]
    if term == "linux" {
      return DoctorCheck(
        "mouse", .warn, "the Linux console reports no mouse to programs",
        advice: "use the keyboard (PgUp/PgDn scroll), or a terminal emulator")
    }
    if xtermLike.contains(where: { term.hasPrefix($0) || term.contains($0) }) {
      return DoctorCheck(
        "mouse", .pass,
        "likely works (xterm mouse reporting); hold Shift to select text, or run with --no-mouse")
    }
    return DoctorCheck(
      "mouse", .info, "cannot tell whether TERM=\(facts.term ?? "unset") reports the mouse")
  }
}
