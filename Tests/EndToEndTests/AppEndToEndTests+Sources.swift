import Foundation
import TestSupport
import Testing

extension AppEndToEndTests {
  /// A reply with sources on a real terminal emulator, with OSC 8 links forced on: the
  /// Sources list shows, nothing of the link sequences leaks onto the screen, and the screen
  /// stays right when more text arrives after the links were written around ncurses.
  @Test func sourcesShowUnderTheReplyAndLinksLeaveTheScreenIntact() async throws {
    try home.writeConfig("hyperlinks = true\n")
    let stub = try await StubOpenRouter.start()
    let app = try await AppUnderTmux.start(environment: environment(stub))
    defer { app.removeScratch() }
    try await app.tmux.waitForText("Type a message")
    await app.send("/web")
    try await app.tmux.waitForText("Web search on for this session")
    await app.send("scenario:web-search where are the docs?")
    let screen = try await app.tmux.waitForScreen { screen in
      screen.contains {
        $0.contains("[3] Swift (programming language) - Wikipedia · en.wikipedia.org")
      }
    }
    let lines = try #require(screen)
    #expect(lines.contains { $0.contains("[1] Swift Documentation · swift.org") })
    #expect(lines.contains { $0.contains("[2] github.com") })
    #expect(lines.contains { $0.contains("1 web search") })
    #expect(lines.contains { $0.contains("assistant · ") && $0.contains(" · OpenAI · ") })
    #expect(lines.contains { $0.contains(" · web · ") })
    #expect(!lines.contains { $0.contains("8;;") || $0.contains("\u{1B}") })
    #expect(try stub.chatRequests.first?.chatRequest().tools == [.webSearch()])
    // More text after the links: the earlier lines keep their place and their text.
    await app.send("and again")
    try await app.tmux.waitForText("You said: and again")
    let after = await app.tmux.capture()
    #expect(after.contains { $0.contains("[1] Swift Documentation · swift.org") })
    #expect(after.contains { $0.contains("Swift's documentation is at swift.org.") })
    #expect(!after.contains { $0.contains("8;;") })
  }
}
