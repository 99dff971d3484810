import ChatDomain
import Testing

@testable import ChatCore

@Suite struct ThemeLoaderTests {
  private func load(_ text: String) throws(ThemeError) -> Theme {
    try ThemeLoader.theme(fromTOML: text, file: "test.toml")
  }

  private func error(_ text: String) -> ThemeError? {
    do {
      _ = try load(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func aPaletteAloneGivesACompleteTheme() throws {
    let theme = try load(
      """
      name = "tiny"
      dark = false
      [palette]
      background = "#ffffff"
      foreground = "#000000"
      primary = "#005faf"
      """)
    #expect(theme.name == "tiny")
    #expect(!theme.isDark)
    #expect(Set(theme.styles.keys) == Set(StyleRole.allCases))
    #expect(theme[.transcriptBody].foreground == .rgb(RGBColor(red: 0, green: 0, blue: 0)))
    #expect(theme[.markdownHeading].foreground == .rgb(RGBColor(red: 0, green: 0x5f, blue: 0xaf)))
    #expect(theme[.markdownHeading].attributes == .bold)
  }

  @Test func missingPaletteSlotsFallBackAlongTheChain() throws {
    let theme = try load("[palette]\nforeground = \"#eeeeee\"\nbackground = \"#111111\"")
    // surface → background, muted → foreground, error → ANSI red.
    #expect(theme.palette["surface"] == .rgb(RGBColor(red: 0x11, green: 0x11, blue: 0x11)))
    #expect(theme.palette["muted"] == .rgb(RGBColor(red: 0xee, green: 0xee, blue: 0xee)))
    #expect(theme.palette["error"] == .ansi(.red))
  }

  @Test func roleEntriesMergeFieldByFieldOverTheBuiltInStyle() throws {
    let theme = try load(
      """
      [palette]
      accent = "#ff00ff"
      [roles]
      "markdown.heading" = { fg = "accent" }
      "code.keyword" = { bold = false, italic = true }
      """)
    #expect(theme[.markdownHeading].foreground == .rgb(RGBColor(red: 255, green: 0, blue: 255)))
    #expect(theme[.markdownHeading].attributes == .bold)  // kept from the built-in entry
    #expect(theme[.codeKeyword].attributes == .italic)  // bold switched off explicitly
  }

  @Test func unsetColoursInheritFromTheParentRole() throws {
    let theme = try load(
      """
      [palette]
      surface = "#222222"
      [roles]
      "code" = { bg = "#303030" }
      "status" = { bg = "blue" }
      """)
    #expect(theme[.codeKeyword].background == .rgb(RGBColor(red: 0x30, green: 0x30, blue: 0x30)))
    #expect(theme[.statusError].background == .ansi(.blue))
    #expect(theme[.markdownLink].background == theme[.base].background)
  }

  @Test func colourValuesAcceptHexShortHexAnsiNamesDefaultAndSlots() throws {
    let theme = try load(
      """
      [palette]
      brand = "#abc"
      [roles]
      "title" = { fg = "brand", bg = "bright-blue" }
      "muted" = { fg = "Grey", bg = "default" }
      "border" = "bright_red"
      """)
    #expect(theme[.title].foreground == .rgb(RGBColor(red: 0xaa, green: 0xbb, blue: 0xcc)))
    #expect(theme[.title].background == .ansi(.brightBlue))
    #expect(theme[.muted].foreground == .ansi(.brightBlack))
    #expect(theme[.muted].background == .terminalDefault)
    #expect(theme[.border].foreground == .ansi(.brightRed))
  }

  @Test func nestedAndDottedRoleKeysAreTheSameRole() throws {
    let theme = try load(
      """
      [roles.code]
      fg = "red"
      keyword = { fg = "blue" }
      [roles.transcript]
      user = "green"
      """)
    #expect(theme[.code].foreground == .ansi(.red))
    #expect(theme[.codeKeyword].foreground == .ansi(.blue))
    #expect(theme[.transcriptUser].foreground == .ansi(.green))
  }

  @Test func aSyntaxErrorNamesTheFileAndLine() {
    let problem = error("name = \"x\"\n[palette\nforeground = \"#fff\"")
    #expect(problem?.kind == .syntax)
    #expect(problem?.file == "test.toml")
    #expect(problem?.line == 2)
    #expect(problem?.userMessage.hasPrefix("theme: test.toml:2: ") == true)
  }

  @Test func anUnknownRoleNamesTheKeyAndLine() {
    let problem = error(
      "[palette]\nprimary = \"#123456\"\n\n[roles]\n\"transcript.usr\" = { fg = \"primary\" }")
    #expect(problem?.kind == .invalidValue)
    #expect(problem?.key == "roles.\"transcript.usr\"")
    #expect(problem?.line == 5)
    #expect(
      problem?.userMessage
        == "theme: test.toml:5: roles.\"transcript.usr\": unknown role 'transcript.usr'")
  }

  @Test func aBadColourNamesTheKeyAndLine() {
    let palette = error("[palette]\nprimary = \"blurple\"")
    #expect(palette?.key == "palette.primary")
    #expect(palette?.line == 2)
    let role = error("[roles]\n\n\"code.keyword\" = { fg = \"nope\" }")
    #expect(role?.key == "roles.\"code.keyword\".fg")
    #expect(role?.line == 3)
    #expect(role?.reason == "'nope' is neither a palette slot nor a colour")
  }

  @Test func wrongTypesAndUnknownKeysAreErrors() {
    #expect(error("dark = \"yes\"")?.key == "dark")
    #expect(error("colours = 1")?.reason.hasPrefix("unknown key") == true)
    #expect(error("[roles]\n\"title\" = { fg = \"red\", blod = true }")?.key == "roles.title.blod")
    #expect(error("[roles]\n\"title\" = { bold = \"yes\" }")?.key == "roles.title.bold")
    #expect(error("[palette]\nprimary = 3")?.key == "palette.primary")
  }

  @Test func withoutColorKeepsAttributesOnly() throws {
    let theme = try load("[palette]\nprimary = \"#ff0000\"").withoutColor
    #expect(theme[.markdownHeading] == ThemeStyle(attributes: .bold))
    #expect(StyleRole.allCases.allSatisfy { theme[$0].foreground == .terminalDefault })
  }

  @Test func contrastFollowsWCAG() throws {
    let black = RGBColor(red: 0, green: 0, blue: 0)
    let white = RGBColor(red: 255, green: 255, blue: 255)
    #expect(abs(black.contrastRatio(with: white) - 21) < 0.01)
    #expect(white.contrastRatio(with: white) == 1)
    let grey = try #require(RGBColor(hex: "#767676"))  // the classic 4.54:1 grey on white
    #expect(abs(grey.contrastRatio(with: white) - 4.54) < 0.01)
  }
}
