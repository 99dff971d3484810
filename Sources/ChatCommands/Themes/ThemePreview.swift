import ChatDomain

/// A few sample lines of the full-screen app in a theme's colours: a question, a reply with
/// markdown and a code block, a divider, an error and the status line. Each piece is drawn
/// in the role the app would use, and every line is filled to the same width in the base
/// style, so the theme's own background shows.
struct ThemePreview {
  var theme: Theme
  var source: String
  var style: ANSIStyle
  var width = 64

  private typealias Line = [(String, StyleRole)]

  var text: String {
    let lines: [Line] = [
      [
        (
          "\(ThemesCommandRunner.safe(theme.name)) · \(theme.isDark ? "dark" : "light") background · "
            + ThemesCommandRunner.safe(source), .title
        )
      ],
      [],
      [("You", .transcriptUser), ("  14:02", .transcriptHeader)],
      [("How do I reverse a list in Swift?", .transcriptBody)],
      [],
      [
        ("coder", .transcriptAssistant),
        (" · anthropic/claude-sonnet-4.6 · $0.0012", .transcriptHeader),
      ],
      [("▸ thinking", .transcriptReasoning)],
      [("## Reversing", .markdownHeading)],
      [
        ("Call ", .transcriptBody), ("reversed()", .markdownInlineCode),
        (" on it; it is ", .transcriptBody),
        ("lazy", .markdownItalic), (" and ", .transcriptBody), ("cheap", .markdownBold),
        (".", .transcriptBody),
      ],
      [
        ("• ", .markdownListMarker), ("See ", .transcriptBody), ("the docs", .markdownLink),
        (" (swift.org)", .markdownLinkURL),
      ],
      [("│ Arrays keep their order.", .markdownQuote)],
      [
        ("┌ ", .codeBorder), ("swift", .codeLabel),
        (" ─────────────────────────── 1 ┐", .codeBorder),
      ],
      [
        ("│ ", .codeBorder), ("let", .codeKeyword), (" xs = [", .code), ("1", .codeNumber),
        (", ", .code),
        ("2", .codeNumber), ("]  ", .code), ("// numbers", .codeComment),
      ],
      [
        ("│ ", .codeBorder), ("print", .code), ("(", .code), ("\"done\"", .codeString),
        (")", .code),
      ],
      [("└─────────────────────────────────────┘", .codeBorder)],
      [("──── switched to writer ────", .transcriptDivider)],
      [("Rate limited; wait 3 s and try again", .transcriptError)],
      [
        ("Search: ", .muted), ("rev", .match), ("erse", .base), ("  ", .base),
        (" selected ", .selection),
      ],
      [
        (" coder · claude-sonnet-4.6 · 12% · $0.0123 ", .status), (" credits low ", .statusWarning),
        (" offline ", .statusError),
      ],
      [(" Reply interrupted: connection reset ", .bannerError)],
    ]
    return lines.map(render).joined(separator: "\n") + "\n"
  }

  private func render(_ line: Line) -> String {
    var text = ""
    var used = 0
    for (piece, role) in line {
      text += style.paint(piece, theme[role])
      used += piece.count
    }
    if used < width {
      text += style.paint(String(repeating: " ", count: width - used), theme[.base])
    }
    return text
  }
}
