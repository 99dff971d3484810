import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TerminalBackend
import TestSupport
import Testing

@testable import ChatApp

/// `orchat demo` is the real app (its run loop, reducer and views) on fixture state: the
/// sample session open at its top, no key, no store, no network.
@Suite(.serialized) struct DemoAppTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  private func runtime(_ script: [[TerminalEvent]], size: TerminalSize, theme: String? = nil)
    -> (Runtime<ScriptedTerminal>, ScriptedTerminal)
  {
    let terminal = ScriptedTerminal(size: size, script: script)
    let themes = ThemeCatalog(searchPath: .standard(explicitDirectory: nil))
    let selection = themes.load(named: theme, colorDisabled: false)
    let runtime = DemoApp.makeRuntime(
      terminal: terminal, wake: nil, themes: themes, theme: selection, isMouseEnabled: true,
      environment: [:])
    return (runtime, terminal)
  }

  @Test func theSampleSessionShowsFromItsTopWithWideCharactersAndACodeBox() {
    let (runtime, terminal) = runtime([], size: TerminalSize(columns: 90, rows: 40))
    runtime.flush()
    let text = terminal.screenLines.joined(separator: "\n")
    #expect(text.contains("Show me hello world in Swift"))
    #expect(text.contains("こんにちは世界"))
    #expect(text.contains("print(\"Hello, \\(name)! 🚀\")"))
    #expect(text.contains("┌─ swift [1]"))
    #expect(runtime.state.session?.id == "demo")
    #expect(runtime.state.hasAPIKey == false)
  }

  @Test func theScriptEndingQuitsWithStatusZero() {
    let (runtime, _) = runtime([[.key(.character("x"))]], size: TerminalSize(columns: 80, rows: 24))
    #expect(runtime.run() == 0)
    #expect(runtime.state.composer.text == "x")
  }

  @Test func sendingSaysHowToSetTheKeyAndKeepsTheText() {
    let keys = "hello".map { TerminalEvent.key(.character($0)) } + [.key(KeyEvent(.enter))]
    let (runtime, _) = runtime([keys], size: TerminalSize(columns: 80, rows: 24))
    _ = runtime.run()
    #expect(runtime.state.banner?.text.hasPrefix("No API key") == true)
    #expect(runtime.state.composer.text == "hello")
  }

  @Test func aMissingThemeIsReportedAndTheDefaultUsed() {
    let (runtime, _) = runtime(
      [], size: TerminalSize(columns: 80, rows: 24), theme: "no-such-theme")
    #expect(runtime.state.themeName == "dark")
    #expect(runtime.state.banner?.text.hasSuffix("; using dark") == true)
  }

  @Test func aResizeRedrawsEverythingAtTheNewSize() {
    let narrow = TerminalSize(columns: 60, rows: 20)
    let (runtime, terminal) = runtime(
      [[.resize(narrow)]], size: TerminalSize(columns: 80, rows: 24))
    _ = runtime.run()
    let last = terminal.presents.last
    #expect(last?.diff.isFull == true)
    #expect(last?.frame.grid.width == 60 && last?.frame.grid.height == 20)
    #expect(terminal.screenLines.allSatisfy { TerminalText.columns(of: $0) <= 60 })
  }
}
