import ChatCore
import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCommands

/// `orchat themes` and `orchat themes show`, in-process, with the output's terminal-ness
/// chosen by the test.
@Suite struct ThemesCommandTests {
  let home: OrchatHome

  init() throws {
    home = try OrchatHome()
  }

  func run(
    terminal: Bool, environment extra: [String: String] = [:],
    _ body: (ThemesCommandRunner) -> Int32
  ) -> (status: Int32, output: String, errors: String) {
    let output = MemoryOutput(isTerminal: terminal)
    let errors = MemoryOutput(isTerminal: false)
    var values = home.environment
    values["TERM"] = "xterm-256color"
    values.merge(extra) { $1 }
    let context = AppContext(
      environment: ProcessEnvironment(values: values), output: output, errors: errors,
      inputIsTerminal: false, readLine: { nil })
    let status = body(ThemesCommandRunner(context: context))
    return (status, output.text, errors.text)
  }

  @Test func xterm256ColoursAreTheNearestOfCubeAndGreyRamp() {
    #expect(ANSIStyle.xterm256Index(of: RGBColor(hex: "#5fafff")!) == 75)
    #expect(ANSIStyle.xterm256Index(of: RGBColor(hex: "#303030")!) == 236)
    #expect(ANSIStyle.xterm256Index(of: RGBColor(hex: "#000000")!) == 16)
    #expect(ANSIStyle.xterm256Index(of: RGBColor(hex: "#ffffff")!) == 231)
    #expect(ANSIStyle.xterm256Index(of: RGBColor(hex: "#808080")!) == 244)
    #expect(ANSIStyle.nearestANSI(to: RGBColor(hex: "#ff0000")!) == .brightRed)
  }

  @Test func stylesBecomeSGRSequencesForEachColourDepth() {
    let style = ThemeStyle(
      foreground: .rgb(RGBColor(hex: "#5fafff")!), background: .ansi(.brightBlack),
      attributes: [.bold, .underline])
    #expect(ANSIStyle(depth: .xterm256).sequence(for: style) == "\u{1B}[0;1;4;38;5;75;100m")
    #expect(
      ANSIStyle(depth: .trueColor).sequence(for: style) == "\u{1B}[0;1;4;38;2;95;175;255;100m")
    #expect(ANSIStyle(depth: .sixteen).sequence(for: style) == "\u{1B}[0;1;4;94;100m")
    #expect(ANSIStyle(depth: .sixteen).sequence(for: ThemeStyle()) == "\u{1B}[0m")
    #expect(ANSIStyle.Depth(environment: ["TERM": "xterm-256color"]) == .xterm256)
    #expect(
      ANSIStyle.Depth(environment: ["TERM": "xterm", "COLORTERM": "truecolor"]) == .trueColor)
    #expect(ANSIStyle.Depth(environment: ["TERM": "xterm"]) == .sixteen)
  }

  @Test func onATerminalTheThemeIsPreviewedInItsColours() throws {
    let result = run(terminal: true) { $0.show("dark") }
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    let lines = result.output.split(separator: "\n")
    #expect(lines.count == 20)
    // "You" in transcript.user, whose colour is the palette's secondary, #d7af5f (179).
    let dark = try ThemeLoader.theme(
      fromTOML: String(contentsOf: shippedTheme("dark"), encoding: .utf8))
    #expect(dark[.transcriptUser].foreground == .rgb(RGBColor(hex: "#d7af5f")!))
    #expect(result.output.contains("38;5;179m" + "You" + "\u{1B}[0m"))
    #expect(result.output.contains("How do I reverse a list in Swift?"))
  }

  @Test func noColorOrAPipeGetsAPlainDescription() {
    for (terminal, extra) in [(true, ["NO_COLOR": "1"]), (false, [:])] {
      let result = run(terminal: terminal, environment: extra) { $0.show("solarized-light") }
      #expect(result.status == 0)
      #expect(!result.output.contains("\u{1B}"))
      #expect(result.output.hasPrefix("name: solarized-light\nbackground: light\nsource: /"))
      #expect(result.output.contains("\n  transcript.user "))
      #expect(result.output.contains("roles:\n"))
    }
  }

  @Test func listingMarksTheConfiguredThemeAndReportsBrokenFiles() throws {
    try home.writeConfig("theme = \"light\"\n")
    let broken = try home.root.write(
      "[palette]\nprimary = \"blurple\"\n[roles]\n\"base\" = { fg = \"primary\" }\n",
      to: "config/orchat/themes/ocean.toml")
    let result = run(terminal: false) { $0.list(json: false) }
    #expect(result.status == 1)
    #expect(result.errors.hasPrefix("error: theme: \(broken.path):"))
    let names = result.output.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[0] }
    #expect(
      names == ["dark", "high-contrast", "light", "mono", "solarized-dark", "solarized-light"])
    #expect(result.output.contains("light *"))
    let json = run(terminal: false) { $0.list(json: true) }
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
    #expect(rows.first?["name"] as? String == "dark")
    #expect(rows.first?["dark"] as? Bool == true)
    #expect(Set(rows[0].keys) == ["name", "dark", "source"])
  }

  @Test func anUnknownThemeIsAnError() {
    let result = run(terminal: true) { $0.show("nope") }
    #expect(result.status == 1)
    #expect(result.errors.hasPrefix("error: "))
    #expect(result.errors.contains("no theme named 'nope'"))
  }

  func shippedTheme(_ name: String, file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("themes/\(name).toml")
  }
}
